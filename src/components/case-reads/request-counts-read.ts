import { trusted } from 'mongoose';
import { RequestModel } from '../requests/index.js';

/** Requests not closed in one municipality (of one responsible social worker when given): a count, no list. */
export function notClosedRequestCount(municipalityCode: string, responsibleId?: string): Promise<number> {
  return RequestModel.countDocuments({
    municipalityCode,
    ...(responsibleId ? { responsibleId } : {}),
    status: trusted({ $ne: 'closed' }),
  });
}
