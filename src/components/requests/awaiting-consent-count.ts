import { workerCasesFor } from './worker-cases-read.js';

/** The social worker's count for the home page: matches of their own requests awaiting consent. */
export async function awaitingConsent(actor: { userId: string; role: string; municipalityCode?: string }) {
  if (actor.role !== 'social-worker' || !actor.municipalityCode) return { count: 0, href: '/sager' };
  // The same object the home passes to matching's lines: both share one read of the worker's cases.
  const { matches, states } = await workerCasesFor(actor as { userId: string; municipalityCode: string });
  // A match whose consent is complete is ready to start, not waiting (the case-state rule decides).
  const stored = matches.filter((match) => match.state === 'awaiting-consent');
  const waiting = stored.filter((match) => states.get(String(match._id))?.state === 'waiting-for-consent');
  const first = waiting[0];
  return {
    count: waiting.length,
    href: first ? `/sager/${first.requestId}/match/${String(first._id)}/samtykke` : '/sager',
  };
}
