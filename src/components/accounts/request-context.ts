import type { AuditEvent } from '../../shared/audit/index.js';
import type { Language } from '../../shared/i18n/index.js';

/** What a service needs to know about the request it serves, without seeing req/res. */
export interface RequestContext {
  origin: Pick<AuditEvent, 'ip' | 'userAgent' | 'requestId'>;
  /** From configuration, never from the Host header: links in e-mails start here. */
  baseUrl: string;
  language: Language;
}
