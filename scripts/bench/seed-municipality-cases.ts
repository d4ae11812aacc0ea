// The casework of the benchmark municipality: 2,500 requests (300 open), 2,000 matches (400 running),
// the follow-up plans of every match that started and 24,000 follow-ups spread over them, planned on
// the same dates the planner would choose. The demo social worker gets a caseload of 40 requests, the
// demo volunteer three matches (one running, with its check-ins).
import { ObjectId } from 'mongodb';
import { addDays, copenhagenDate } from '../../src/components/followups/index.js';
import { CLOSE_REASONS, ENDING_REASONS, PREVENTS_STEPS } from '../../src/components/requests/index.js';
import { modelNamed } from './seed-models.js';
import { POSTCODES } from '../../src/components/geography/index.js';
import { insertInBatches, type SeededOrganisation, type SeededPeople } from './seed-municipality-people.js';
import { between, daysAfter, daysBefore, pick, shuffle, type Random } from './seed-random.js';

const INTERESTS = ['fodbold', 'gymnastik', 'dans', 'træ', 'natur', 'tegning', 'musik', 'lektier'];
const NEED_TAGS = ['ro', 'struktur', 'fællesskab', 'bevægelse', 'en fast voksen'];
// The planner's cadence with the municipality's default settings: the first follow-up within 14 days of
// the start, then every 4 weeks for the first year and every 12 weeks after; the closing one 30 days
// after the close.
const firstDueOn = (activeOn: string) => addDays(activeOn, 14);
const nextDueOn = (activeOn: string, previousOn: string) =>
  addDays(previousOn, previousOn < firstYearEnds(activeOn) ? 28 : 84);
const firstYearEnds = (activeOn: string) => `${Number(activeOn.slice(0, 4)) + 1}${activeOn.slice(4)}`;
const closingDueOn = (closedOn: string) => addDays(closedOn, 30);
// Why a proposal was withdrawn before it started: the ending reasons that are not close reasons.
const WITHDRAW_REASONS = ENDING_REASONS.filter(
  (reason) => !(CLOSE_REASONS as readonly string[]).includes(reason),
);

export interface CaseSizes {
  requests: number;
  openRequests: number;
  matches: number;
  runningMatches: number;
  followUps: number;
}

type RequestStatus = 'open' | 'matched' | 'closed';
type Fate =
  | 'none'
  | 'proposed'
  | 'accepted'
  | 'declined'
  | 'awaiting-consent'
  | 'active'
  | 'paused'
  | 'closed-ran'
  | 'withdrawn';

interface CasePlan {
  id: string;
  status: RequestStatus;
  responsibleId: string;
  createdAt: Date;
  /** What happened to the request's matches, oldest first. */
  fates: Fate[];
}

/** How the matches are shared out over the requests' stories, so the totals come out exactly. */
function planCases(random: Random, sizes: CaseSizes): CasePlan[] {
  const plans: Array<Omit<CasePlan, 'id' | 'responsibleId' | 'createdAt'>> = [];
  const holding = Math.round(sizes.runningMatches * 1.125);
  const paused = Math.round(sizes.runningMatches * 0.0625);
  const awaiting = holding - sizes.runningMatches - paused;
  const proposing = Math.round(sizes.openRequests * 0.4);
  const declined = Math.round(sizes.openRequests * 0.13);
  for (let n = 0; n < sizes.runningMatches; n += 1) plans.push({ status: 'matched', fates: ['active'] });
  for (let n = 0; n < paused; n += 1) plans.push({ status: 'matched', fates: ['paused'] });
  for (let n = 0; n < awaiting; n += 1) plans.push({ status: 'matched', fates: ['awaiting-consent'] });
  for (let n = 0; n < sizes.openRequests; n += 1) {
    const fates: Fate[] =
      n < proposing
        ? [random() < 0.7 ? 'proposed' : 'accepted']
        : n < proposing + declined
          ? ['declined']
          : [];
    plans.push({ status: 'open', fates });
  }
  const closedRequests = sizes.requests - plans.length;
  let matchesLeft = sizes.matches - plans.reduce((sum, p) => sum + p.fates.length, 0);
  for (let n = 0; n < closedRequests; n += 1) {
    const requestsLeft = closedRequests - n;
    // Most closed requests had one match that ran its course; some none; some a second adult.
    const fates: Fate[] = [];
    if (matchesLeft > requestsLeft && random() < 0.12) fates.push('closed-ran', 'closed-ran');
    else if (matchesLeft > 0 && (matchesLeft >= requestsLeft || random() < 0.8))
      fates.push(random() < 0.85 ? 'closed-ran' : 'withdrawn');
    matchesLeft -= fates.length;
    plans.push({ status: 'closed', fates });
  }
  // Matches still unplaced (a small municipality): second adults for matched requests.
  for (const plan of plans) {
    if (matchesLeft <= 0) break;
    if (plan.status === 'matched') {
      plan.fates.unshift('closed-ran');
      matchesLeft -= 1;
    }
  }
  return shuffle(random, plans).map((plan) => ({
    ...plan,
    id: '',
    responsibleId: '',
    createdAt: new Date(0),
  }));
}

interface Written {
  requests: object[];
  matches: object[];
  plans: object[];
  followUps: object[];
  /** The running matches first, so the follow-up total is cut from the oldest closed ones if at all. */
  followUpsRunning: object[];
}

interface MatchContext {
  random: Random;
  now: Date;
  today: string;
  municipalityCode: string;
  request: CasePlan;
  organisation: SeededOrganisation;
  volunteerId: string;
  offerId: string | undefined;
  out: Written;
}

function followUpsOf(
  context: MatchContext,
  matchId: string,
  activeAt: Date,
  closedAt: Date | undefined,
  into: object[],
) {
  const { random, today, request, organisation, volunteerId } = context;
  const activeOn = copenhagenDate(activeAt);
  const closedOn = closedAt ? copenhagenDate(closedAt) : undefined;
  const base = {
    matchId,
    requestId: request.id,
    municipalityCode: context.municipalityCode,
    organisationId: organisation.id,
    volunteerId,
  };
  const stored = (
    audience: 'volunteer' | 'family',
    kind: 'regular' | 'closing',
    sequence: number,
    dueOn: string,
  ) => {
    const pastDays = Math.floor((Date.parse(today) - Date.parse(dueOn)) / 86_400_000);
    const roll = random();
    const cancelled = kind === 'regular' && closedOn !== undefined && dueOn > closedOn;
    const state = cancelled
      ? 'cancelled'
      : pastDays < 0
        ? 'open'
        : pastDays > 60
          ? roll < 0.9
            ? 'done'
            : 'skipped'
          : roll < 0.7
            ? 'done'
            : 'open';
    const answeredAt = new Date(Date.parse(dueOn) + between(random, -2, 5) * 86_400_000);
    const worry = state === 'done' && random() < 0.03;
    const createdAt = new Date(Date.parse(dueOn) - 28 * 86_400_000);
    into.push({
      _id: `${matchId}:${audience}:${kind}:${sequence}`,
      ...base,
      audience,
      kind,
      sequence,
      dueOn,
      state,
      ...(state === 'done'
        ? {
            answeredAt,
            answeredBy: audience === 'volunteer' ? volunteerId : request.responsibleId,
            answers: {
              meetings: between(random, 1, 5),
              goes: between(random, 2, 5),
              wellbeing: between(random, 2, 5),
              worry,
              wishContinue: random() < 0.9 ? 'yes' : 'unsure',
            },
          }
        : {}),
      ...(state === 'skipped' ? { skipReason: 'Familien var på ferie.' } : {}),
      // A worry is on the team's home until someone has read it: the recent ones still are.
      ...(worry
        ? {
            worryRaisedAt: answeredAt,
            ...(pastDays > 14
              ? { worrySeenAt: daysAfter(answeredAt, 1), worrySeenBy: request.responsibleId }
              : {}),
          }
        : {}),
      createdAt,
      updatedAt: state === 'done' ? answeredAt : createdAt,
    });
  };
  for (const audience of ['volunteer', 'family'] as const) {
    let dueOn = firstDueOn(activeOn);
    // Planned up to the first date after today (or after the close, which cancelled it).
    const until = closedOn && closedOn < today ? closedOn : today;
    for (let sequence = 1; sequence < 200; sequence += 1) {
      stored(audience, 'regular', sequence, dueOn);
      if (dueOn > until) break;
      dueOn = nextDueOn(activeOn, dueOn);
    }
  }
  if (closedOn) stored('family', 'closing', 1, closingDueOn(closedOn));
  context.out.plans.push({
    _id: matchId,
    municipalityCode: context.municipalityCode,
    requestId: request.id,
    activeOn,
    pausedDays: 0,
    ...(closedOn ? { closedOn } : {}),
    createdAt: activeAt,
    updatedAt: closedAt ?? activeAt,
  });
}

/** One match of the request, told from its proposal to its present state. Returns when it ended. */
function writeMatch(context: MatchContext, fate: Fate, startFrom: Date): Date {
  const { random, now, request, organisation, volunteerId } = context;
  const matchId = new ObjectId().toHexString();
  const proposedBy = request.responsibleId;
  const coordinator = organisation.coordinatorIds[0] ?? proposedBy;
  const running = fate === 'active' || fate === 'paused';
  // A running match started 1–12 months ago; a closed one ran 1–12 months within the request's life.
  const proposedAt =
    running || fate === 'awaiting-consent'
      ? daysBefore(now, between(random, 30, 365) + 14)
      : fate === 'proposed' || fate === 'accepted'
        ? daysBefore(now, between(random, 1, 20))
        : daysAfter(startFrom, between(random, 3, 30));
  const acceptedAt = daysAfter(proposedAt, between(random, 1, 6));
  const activeAt = daysAfter(acceptedAt, between(random, 3, 10));
  const event = (state: string, by: string, role: string, at: Date) => ({ state, by, role, at });
  const history = [event('proposed', proposedBy, 'social-worker', proposedAt)];
  let state: string = fate;
  let endedAt = proposedAt;
  const extra: Record<string, unknown> = {};
  const answered = {
    acceptedByOrg: { by: coordinator, at: acceptedAt },
    acceptedByVolunteer: { by: volunteerId, at: acceptedAt },
  };
  if (fate === 'accepted' || fate === 'awaiting-consent' || running || fate === 'closed-ran') {
    history.push(event('accepted', coordinator, 'coordinator', acceptedAt));
    Object.assign(extra, answered);
  }
  if (fate === 'awaiting-consent')
    history.push(event('awaiting-consent', coordinator, 'coordinator', acceptedAt));
  if (running || fate === 'closed-ran') {
    history.push(event('awaiting-consent', coordinator, 'coordinator', acceptedAt));
    history.push(event('active', proposedBy, 'social-worker', activeAt));
  }
  if (fate === 'paused')
    history.push(event('paused', proposedBy, 'social-worker', daysBefore(now, between(random, 3, 20))));
  if (fate === 'declined') {
    endedAt = daysAfter(proposedAt, between(random, 1, 6));
    history.push(event('declined', coordinator, 'coordinator', endedAt));
    extra.declineReason = 'Ingen ledig voksen på det tidspunkt.';
  }
  if (fate === 'withdrawn') {
    endedAt = daysAfter(proposedAt, between(random, 2, 20));
    state = 'closed';
    history.push(event('closed', proposedBy, 'social-worker', endedAt));
    extra.closeReason = pick(random, WITHDRAW_REASONS);
  }
  let closedAt: Date | undefined;
  if (fate === 'closed-ran') {
    closedAt = daysAfter(activeAt, between(random, 30, 365));
    if (closedAt > now) closedAt = daysBefore(now, between(random, 1, 10));
    endedAt = closedAt;
    state = 'closed';
    history.push(event('closed', proposedBy, 'social-worker', closedAt));
    extra.closeReason = pick(random, CLOSE_REASONS);
  }
  const live = !['closed', 'declined'].includes(state);
  context.out.matches.push({
    _id: matchId,
    requestId: request.id,
    municipalityCode: context.municipalityCode,
    organisationId: organisation.id,
    ...(context.offerId ? { offerId: context.offerId } : {}),
    volunteerId,
    proposedBy,
    childAlias: pick(random, ['E.', 'M.', 'A.', 'L.', 'S.']),
    askText: 'En fast voksen til fritiden, gerne hver uge.',
    state,
    history,
    steps: history.length - 1,
    ...extra,
    rematchOffered: false,
    liveKey: live ? `${request.id}:${volunteerId}` : matchId,
    createdAt: proposedAt,
    updatedAt: history[history.length - 1]!.at,
  });
  if (running || fate === 'closed-ran')
    followUpsOf(
      context,
      matchId,
      activeAt,
      closedAt,
      running ? context.out.followUpsRunning : context.out.followUps,
    );
  return endedAt;
}

function requestDocument(
  random: Random,
  now: Date,
  municipalityCode: string,
  plan: CasePlan,
  places: typeof POSTCODES,
) {
  const place = pick(random, places);
  const closedAt = plan.status === 'closed' ? daysBefore(now, between(random, 1, 300)) : undefined;
  return {
    _id: plan.id,
    municipalityCode,
    responsibleId: plan.responsibleId,
    caseRef: `SAG-${plan.createdAt.getUTCFullYear()}-${plan.id.slice(-6).toUpperCase()}`,
    birthYear: now.getUTCFullYear() - between(random, 6, 16),
    birthMonth: between(random, 1, 12),
    gender: pick(random, ['girl', 'boy', 'girl', 'boy', 'other'] as const),
    postcode: place.postcode,
    areaMunicipalityCode: municipalityCode,
    lat: place.lat,
    lon: place.lon,
    interests: [pick(random, INTERESTS), pick(random, INTERESTS)].filter((v, i, all) => all.indexOf(v) === i),
    needsText: 'Opdigtet: barnet har brug for en voksen uden for familien at spejle sig i.',
    needTags: [pick(random, NEED_TAGS)],
    homeLanguages: random() < 0.85 ? ['da'] : ['da', pick(random, ['ar', 'so', 'pl', 'uk', 'tr'] as const)],
    windows: [{ weekday: between(random, 1, 5), from: '16:00', to: '18:00' }],
    noFaithCommunity: random() < 0.1,
    networkOrganisationIds: [],
    preventsStep: pick(random, PREVENTS_STEPS),
    expectedMonths: pick(random, [6, 12, 12, 18]),
    status: plan.status,
    createdBy: plan.responsibleId,
    ...(closedAt ? { closedAt, closedBy: plan.responsibleId } : {}),
    createdAt: plan.createdAt,
    updatedAt: closedAt ?? plan.createdAt,
  };
}

export interface SeededCases {
  requestIds: string[];
  matchIds: string[];
  counts: Record<string, number>;
  demo: { socialWorkerCases: number; volunteerMatches: number; coordinatorMatches: number };
}

export async function seedCases(
  random: Random,
  now: Date,
  municipalityCode: string,
  people: SeededPeople,
  sizes: CaseSizes,
): Promise<SeededCases> {
  const places = POSTCODES.filter((p) => p.municipalityCode === municipalityCode);
  const plans = planCases(random, sizes);
  // The demo social worker's caseload: 40 requests in every state; the rest spread over the team.
  const demoCases = Math.min(40, Math.round(plans.length / 60));
  const others = people.socialWorkerIds.slice(1);
  for (const [i, plan] of plans.entries()) {
    plan.id = new ObjectId().toHexString();
    plan.responsibleId =
      i < demoCases || others.length === 0 ? people.demo.socialWorker : pick(random, others);
    const started =
      plan.fates.includes('closed-ran') || plan.status === 'closed' ? between(random, 200, 1000) : 0;
    plan.createdAt = daysBefore(
      now,
      plan.status === 'open' ? between(random, 2, 120) : Math.max(started, between(random, 60, 450)) + 20,
    );
  }
  const out: Written = { requests: [], matches: [], plans: [], followUps: [], followUpsRunning: [] };
  const adults = people.organisations.filter((o) => o.vettedIds.length > 0);
  // The demo volunteer's own matches: one running, one ended, one new proposal.
  const demoVolunteerFates: Fate[] = ['active', 'closed-ran', 'proposed'];
  const today = copenhagenDate(now);
  for (const plan of plans) {
    out.requests.push(requestDocument(random, now, municipalityCode, plan, places));
    let startFrom = daysAfter(plan.createdAt, between(random, 2, 20));
    for (const fate of plan.fates) {
      const demoIndex = demoVolunteerFates.indexOf(fate);
      const forDemoVolunteer = demoIndex >= 0 && plan.fates.length === 1;
      if (forDemoVolunteer) demoVolunteerFates.splice(demoIndex, 1);
      const organisation = forDemoVolunteer ? people.organisations[0]! : pick(random, adults);
      const volunteerId = forDemoVolunteer ? people.demo.volunteer : pick(random, organisation.vettedIds);
      const offerId =
        organisation.offerIds.length > 0 && random() < 0.6 ? pick(random, organisation.offerIds) : undefined;
      const context = {
        random,
        now,
        today,
        municipalityCode,
        request: plan,
        organisation,
        volunteerId,
        offerId,
        out,
      };
      startFrom = daysAfter(writeMatch(context, fate, startFrom), between(random, 10, 60));
    }
  }
  const followUps = [...out.followUpsRunning, ...out.followUps].slice(0, sizes.followUps);
  await insertInBatches(modelNamed('ChildRequest'), out.requests);
  await insertInBatches(modelNamed('Match'), out.matches);
  await insertInBatches(modelNamed('FollowUpPlan'), out.plans);
  await insertInBatches(modelNamed('FollowUp'), followUps);
  const demoOrganisation = people.organisations[0]!.id;
  return {
    requestIds: plans.map((p) => p.id),
    matchIds: out.matches.map((m) => String((m as { _id: string })._id)),
    counts: {
      requests: out.requests.length,
      openRequests: plans.filter((p) => p.status === 'open').length,
      matches: out.matches.length,
      runningMatches: out.matches.filter((m) => (m as { state: string }).state === 'active').length,
      followUpPlans: out.plans.length,
      followUps: followUps.length,
    },
    demo: {
      socialWorkerCases: demoCases,
      volunteerMatches: 3 - demoVolunteerFates.length,
      coordinatorMatches: out.matches.filter(
        (m) => (m as { organisationId: string }).organisationId === demoOrganisation,
      ).length,
    },
  };
}
