import { RequestModel } from '../requests/index.js';
import { REPORT_READ_LIMIT } from './report-read.js';

/** What the supply report needs of a request waiting for an adult: the area and the interests, nothing more. */
export interface OpenRequestForReport {
  postcode: string;
  interests: string[];
}

/** One municipality's open requests (the code comes from the session), for its own reports only. */
export async function openRequestsForReport(municipalityCode: string): Promise<OpenRequestForReport[]> {
  const rows = await RequestModel.find({ municipalityCode, status: 'open' }, { postcode: 1, interests: 1 })
    .limit(REPORT_READ_LIMIT)
    .lean();
  return rows.map((request) => ({ postcode: request.postcode, interests: request.interests ?? [] }));
}
