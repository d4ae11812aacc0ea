import { childGate, type ChildView, type ChildViewer } from '../requests/index.js';

/**
 * Follow-ups keep only the match id; what a page or a mail shows of the child is asked of matching's
 * child gate when it renders, for all the follow-ups of a list at once.
 */
export async function withChild<T extends { matchId: string }>(
  viewer: ChildViewer,
  followUps: T[],
  now = new Date(),
): Promise<Array<T & { child?: ChildView; childAlias?: string }>> {
  const views = await childGate(
    viewer,
    followUps.map((followUp) => followUp.matchId),
    now,
  );
  return followUps.map((followUp) => {
    const child = views.get(followUp.matchId);
    return { ...followUp, child, childAlias: child?.alias };
  });
}

/** The one follow-up's child, as the viewer may see it now. */
export async function childOf(
  viewer: ChildViewer,
  matchId: string,
  now = new Date(),
): Promise<ChildView | undefined> {
  return (await childGate(viewer, [matchId], now)).get(matchId);
}
