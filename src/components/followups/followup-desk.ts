import { trusted } from 'mongoose';
import { announceWrite, createReadModel } from '../../shared/db/index.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import type { StoredState } from './followup-rules.js';

/** The topic every write to follow-ups or their plans announces on this instance. */
const FOLLOW_UPS_TOPIC = 'followups';

/** An open follow-up as the home lines count it: its date and state, judged on the day it is read. */
export interface OpenFollowUp {
  matchId: string;
  audience: string;
  dueOn: string;
  state: StoredState;
  pausedOn?: string;
}

interface MunicipalityDesk {
  open: OpenFollowUp[];
  worries: number;
  missed: number;
  vettingExpired: number;
}

/** What the home lines of every role count, grouped by who counts it. */
export interface FollowUpDesk {
  byMunicipality: Map<string, MunicipalityDesk>;
  /** The volunteers' own open check-ins (the family's follow-ups are the social worker's). */
  byVolunteer: Map<string, OpenFollowUp[]>;
  /** The open check-ins of each organisation's volunteers. */
  byOrganisation: Map<string, OpenFollowUp[]>;
}

// Far above what the platform holds open at once (two per running match); bounds memory whatever the data.
const MAX_READ = 200_000;

function groupInto<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function municipality(desk: FollowUpDesk, code: string): MunicipalityDesk {
  let entry = desk.byMunicipality.get(code);
  if (!entry) {
    entry = { open: [], worries: 0, missed: 0, vettingExpired: 0 };
    desk.byMunicipality.set(code, entry);
  }
  return entry;
}

/**
 * One read of the open follow-ups and unhandled worries (one pass over the collection on the embedded
 * database, two index ranges on MongoDB) and one of the flagged plans, for every home at once.
 */
async function loadDesk(): Promise<FollowUpDesk> {
  const [followUps, plans] = await Promise.all([
    FollowUpModel.find(
      {
        $or: [
          { state: 'open' },
          { worryRaisedAt: trusted({ $exists: true }), worryHandledAt: trusted({ $exists: false }) },
        ],
      },
      {
        municipalityCode: 1,
        organisationId: 1,
        volunteerId: 1,
        matchId: 1,
        audience: 1,
        dueOn: 1,
        state: 1,
        pausedOn: 1,
        worryRaisedAt: 1,
        worryHandledAt: 1,
      },
    )
      .limit(MAX_READ)
      .lean(),
    FollowUpPlanModel.find(
      {
        $or: [{ missedFlagAt: trusted({ $exists: true }) }, { vettingExpiredAt: trusted({ $exists: true }) }],
      },
      { municipalityCode: 1, missedFlagAt: 1, vettingExpiredAt: 1, closedOn: 1 },
    )
      .limit(MAX_READ)
      .lean(),
  ]);
  const desk: FollowUpDesk = { byMunicipality: new Map(), byVolunteer: new Map(), byOrganisation: new Map() };
  for (const followUp of followUps) {
    const entry = municipality(desk, followUp.municipalityCode);
    // Worries stay until someone records what was done, not merely until they are read.
    if (followUp.worryRaisedAt && !followUp.worryHandledAt) entry.worries += 1;
    if (followUp.state !== 'open') continue;
    const open: OpenFollowUp = {
      matchId: followUp.matchId,
      audience: followUp.audience,
      dueOn: followUp.dueOn,
      state: followUp.state as StoredState,
      pausedOn: followUp.pausedOn ?? undefined,
    };
    entry.open.push(open);
    if (open.audience === 'volunteer') {
      groupInto(desk.byVolunteer, followUp.volunteerId, open);
      groupInto(desk.byOrganisation, followUp.organisationId, open);
    }
  }
  for (const plan of plans) {
    const entry = municipality(desk, plan.municipalityCode);
    if (plan.missedFlagAt) entry.missed += 1;
    if (plan.vettingExpiredAt && !plan.closedOn) entry.vettingExpired += 1;
  }
  return desk;
}

/**
 * The follow-up lines of every home read this, never the collection: on the embedded database each
 * filtered read of follow-ups decodes all of them (seconds at a large municipality's size), and homes are
 * opened all day. At most READ_BOUNDS.followUpHome old; after a write on this instance the next reader
 * waits for a load that sees it. The pages behind the lines read exactly.
 */
const readModel = createReadModel<FollowUpDesk>({
  bound: 'followUpHome',
  load: loadDesk,
  capacity: 1,
  topics: [FOLLOW_UPS_TOPIC],
  afterWrite: 'wait',
});

export async function followUpDesk(): Promise<FollowUpDesk> {
  return (await readModel.get('all')).value;
}

/** Called after every write to follow-ups or their plans: this instance's homes show it on the next read. */
export function announceFollowUpWrite(): void {
  announceWrite(FOLLOW_UPS_TOPIC);
}
