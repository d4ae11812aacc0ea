import { trusted } from 'mongoose';
import { MatchModel } from './match-model.js';
import { RequestModel } from './request-model.js';

/** "matched" while a match holds the child's adult, "open" otherwise; a closed request stays closed. */
export async function syncRequestStatus(requestId: string): Promise<void> {
  const holding = await MatchModel.countDocuments({
    requestId,
    state: trusted({ $in: ['awaiting-consent', 'active', 'paused'] }),
  });
  await RequestModel.updateOne(
    { _id: requestId, status: trusted({ $ne: 'closed' }) },
    { $set: { status: holding > 0 ? 'matched' : 'open' } },
  );
}
