import { workerCasesFor } from '../requests/index.js';

/** A social worker's requests that are not closed, from the same one read per home page the case lines use. */
export async function workerRequestsFor(actor: {
  userId: string;
  municipalityCode: string;
}): Promise<Array<{ id: string; status: string }>> {
  const { requests } = await workerCasesFor(actor);
  return requests.map((request) => ({ id: String(request._id), status: request.status }));
}
