import { trusted } from 'mongoose';
import type { CandidateWaits } from '../requests/index.js';
import { CandidateWatchModel } from './candidate-watch-model.js';

/** What a request's page and the social worker's home show of the waits for candidates kept here. */
export const candidateWaits: CandidateWaits = {
  async waitingSince(requestId) {
    const watch = await CandidateWatchModel.findOne({ requestId }, { createdAt: 1 }).lean();
    return watch?.createdAt;
  },
  async withNewCandidates(municipalityCode, requestIds) {
    if (requestIds.length === 0) return [];
    const found = await CandidateWatchModel.find(
      { municipalityCode, requestId: trusted({ $in: requestIds }), found: trusted({ $gt: 0 }) },
      { requestId: 1 },
    ).lean();
    return found.map((watch) => watch.requestId);
  },
};
