import assert from 'node:assert/strict';
import { FollowUpModel } from '../../src/components/followups/index.js';
import { MatchModel } from '../../src/components/requests/match-model.js';
import { RequestModel } from '../../src/components/requests/request-model.js';
import { type CloseReason } from '../../src/components/requests/index.js';

let counter = 0;
export const at = (day: string) => new Date(`${day}T10:00:00Z`);

/** A request created on a given day (written directly, through the model's validation). */
export async function reportRequest(
  municipalityCode: string,
  createdOn: string,
  postcode = '9490',
): Promise<string> {
  counter += 1;
  const created = await RequestModel.create({
    municipalityCode,
    responsibleId: 'worker',
    createdBy: 'worker',
    caseRef: `SAG-RAPPORT-${counter}`,
    birthYear: 2015,
    birthMonth: 4,
    postcode,
    areaMunicipalityCode: municipalityCode,
    lat: 57.22,
    lon: 9.67,
    preventsStep: 'family-support',
    createdAt: at(createdOn),
  });
  return String(created._id);
}

/** A match of a request that became active on a day, and closed on another if given. */
export async function reportMatch(options: {
  municipalityCode: string;
  requestId: string;
  activeOn: string;
  closedOn?: string;
  closeReason?: CloseReason;
}): Promise<string> {
  counter += 1;
  const event = (state: string, day: string) => ({ state, by: 'x', role: 'social-worker', at: at(day) });
  const closed = options.closedOn !== undefined;
  const created = await MatchModel.create({
    requestId: options.requestId,
    municipalityCode: options.municipalityCode,
    organisationId: 'org',
    volunteerId: `volunteer-${counter}`,
    proposedBy: 'worker',
    childAlias: 'E.',
    askText: 'Fodbold om tirsdagen.',
    state: closed ? 'closed' : 'active',
    history: [
      event('proposed', options.activeOn),
      event('active', options.activeOn),
      ...(closed ? [event('closed', options.closedOn!)] : []),
    ],
    closeReason: closed ? (options.closeReason ?? 'goal-reached') : undefined,
    liveKey: closed ? `ended:${counter}` : `${options.requestId}:volunteer-${counter}`,
    createdAt: at(options.activeOn),
  });
  return String(created._id);
}

/** A volunteer check-in of a match, due on a day, answered on another (or not). */
export async function reportFollowUp(options: {
  municipalityCode: string;
  matchId: string;
  dueOn: string;
  answeredOn?: string;
  wellbeing?: number;
  worryRaisedOn?: string;
  worrySeenOn?: string;
}): Promise<string> {
  counter += 1;
  const answered = options.answeredOn !== undefined;
  const _id = `${options.matchId}:volunteer:regular:${counter}`;
  await FollowUpModel.create({
    _id,
    matchId: options.matchId,
    requestId: 'request',
    municipalityCode: options.municipalityCode,
    organisationId: 'org',
    volunteerId: 'volunteer',
    audience: 'volunteer',
    kind: 'regular',
    sequence: counter,
    dueOn: options.dueOn,
    state: answered ? 'done' : 'open',
    ...(answered
      ? {
          answeredAt: at(options.answeredOn!),
          answeredBy: 'volunteer',
          answers: {
            meetings: 3,
            goes: 4,
            wellbeing: options.wellbeing ?? 3,
            worry: options.worryRaisedOn !== undefined,
            wishContinue: 'yes',
          },
        }
      : {}),
    ...(options.worryRaisedOn ? { worryRaisedAt: at(options.worryRaisedOn) } : {}),
    ...(options.worrySeenOn ? { worrySeenAt: at(options.worrySeenOn) } : {}),
  });
  return _id;
}

export const decodeHtml = (text: string) => text.replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim();

/** One report table of a page (by its data-table id) as row label → the cells' shown texts. */
export function tableOf(html: string, id: string): Record<string, string[]> {
  const table = new RegExp(`<table[^>]*data-table="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `table ${id} is on the page`);
  const rows: Record<string, string[]> = {};
  for (const row of table[1]!.matchAll(/<tr[^>]*>\s*<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)) {
    rows[decodeHtml(row[1]!)] = [...row[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) =>
      decodeHtml(cell[1]!),
    );
  }
  return rows;
}
