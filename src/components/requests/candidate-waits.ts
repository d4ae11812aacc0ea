/**
 * What a request's page and the social worker's home show of a wait for candidates. The waits are kept
 * by the candidates component, which sits above requests and hands these reads in when the app is built.
 */
export interface CandidateWaits {
  /** When the worker started waiting for new candidates for this request, if they are waiting. */
  waitingSince(requestId: string): Promise<Date | undefined>;
  /** Which of these requests of the municipality have new candidates found while waiting. */
  withNewCandidates(municipalityCode: string, requestIds: string[]): Promise<string[]>;
}
