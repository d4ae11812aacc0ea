import { RequestModel } from '../requests/index.js';
import {
  CASE_REQUEST_FIELDS,
  caseRequest,
  type CaseRequest,
  type StoredCaseRequest,
} from './case-projection.js';
import { REPORT_READ_LIMIT } from './report-read.js';

/** What the supply report needs of a request waiting for an adult: the area and the interests, nothing more. */
type OpenRequestForReport = Pick<CaseRequest, 'postcode' | 'interests'>;

/** One municipality's open requests (the code comes from the session), for its own reports only. */
export async function openRequestsForReport(municipalityCode: string): Promise<OpenRequestForReport[]> {
  const rows = await RequestModel.find({ municipalityCode, status: 'open' }, CASE_REQUEST_FIELDS)
    .limit(REPORT_READ_LIMIT)
    .lean<StoredCaseRequest[]>();
  return rows.map(caseRequest);
}
