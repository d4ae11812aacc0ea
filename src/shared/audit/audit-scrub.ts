import { AuditEventModel } from './audit-model.js';

/** The entries about some objects: by exact id, or by an id prefix (records keyed `<parent>:…`). */
export interface AuditObjects {
  objectType: string;
  objectIds?: string[];
  idPrefixes?: string[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Retention of a child's case, in the audit log: the entries about the deleted records stay for the
 * audit's own period (who did what, when, where, to which id), but their `details` go now, because those
 * may hold the case's data (a search's criteria are the child's age, postcode, interests …). Like
 * purgeAuditEntries, this goes through the collection: the model refuses every change, retention's
 * included, so that nothing else in the application can rewrite the log. Returns how many were stripped.
 */
export async function stripAuditDetailsOf(objects: AuditObjects): Promise<number> {
  const ids = objects.objectIds ?? [];
  const prefixes = objects.idPrefixes ?? [];
  if (ids.length === 0 && prefixes.length === 0) return 0;
  const which = [
    ...(ids.length > 0 ? [{ objectId: { $in: ids } }] : []),
    ...(prefixes.length > 0 ? [{ objectId: { $regex: `^(${prefixes.map(escapeRegex).join('|')})` } }] : []),
  ];
  const result = await AuditEventModel.collection.updateMany(
    { objectType: objects.objectType, details: { $exists: true }, $or: which },
    { $unset: { details: '' } },
  );
  return result.modifiedCount;
}
