import assert from 'node:assert/strict';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { CLOSE_REASONS, PREVENTS_STEPS } from '../../../src/components/requests/index.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import {
  areasOf,
  computeFigures,
  inArea,
  type Period,
  type ReportInput,
} from '../../../src/components/reporting/figures-rules.js';
import {
  ReportFactsBuildModel,
  ReportFactsChunkModel,
} from '../../../src/components/reporting/report-facts-model.js';
import {
  maintainedInput,
  readFacts,
  reportInputFromRecords,
  sweepUnlistedChunks,
} from '../../../src/components/reporting/report-facts-service.js';
import { reportingJobs } from '../../../src/components/reporting/reporting-jobs.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { at, reportFollowUp, reportRequest } from '../../helpers/reporting.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[below(items.length)];
  return { next, below, pick };
}

const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const POSTCODES = ['9490', '9440', '9460'];
const HERE = '0849';
const ELSEWHERE = '0101';
const figuresJob = reportingJobs.find((job) => job.name === 'reporting:figures')!;

interface World {
  requests: string[];
  matches: Map<string, { requestId: string; state: string }>;
  openFollowUps: string[];
  answered: string[];
  worries: string[];
}

let sequence = 0;

async function createMatch(world: World, requestId: string, day: string) {
  sequence += 1;
  const created = await MatchModel.create({
    requestId,
    municipalityCode: HERE,
    organisationId: 'org',
    volunteerId: `volunteer-${sequence}`,
    proposedBy: 'worker',
    childAlias: 'E.',
    askText: 'Fodbold om tirsdagen.',
    state: 'proposed',
    history: [{ state: 'proposed', by: 'x', role: 'social-worker', at: at(day) }],
    liveKey: `${requestId}:volunteer-${sequence}`,
    createdAt: at(day),
  });
  world.matches.set(String(created._id), { requestId, state: 'proposed' });
}

const NEXT_STATES: Record<string, string[]> = {
  proposed: ['accepted', 'declined', 'active'],
  accepted: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
};

async function moveMatch(world: World, matchId: string, day: string, random: ReturnType<typeof generator>) {
  const match = world.matches.get(matchId)!;
  const state = random.pick(NEXT_STATES[match.state] ?? []);
  if (!state) return;
  const event = { state, by: 'x', role: 'social-worker', at: at(day) };
  await MatchModel.updateOne(
    { _id: matchId },
    {
      $set: { state, ...(state === 'closed' ? { closeReason: random.pick(CLOSE_REASONS) } : {}) },
      $push: { history: event },
    },
  );
  match.state = state;
}

/** One random change to the records, on a given day. */
async function change(world: World, day: string, random: ReturnType<typeof generator>) {
  const roll = random.below(12);
  const running = [...world.matches].filter(([, m]) => m.state === 'active' || m.state === 'paused');
  const live = [...world.matches].filter(([, m]) => !['closed', 'declined'].includes(m.state));
  if (roll <= 1 || world.requests.length === 0) {
    const id = await reportRequest(HERE, day, random.pick(POSTCODES));
    await RequestModel.updateOne({ _id: id }, { $set: { preventsStep: random.pick(PREVENTS_STEPS) } });
    world.requests.push(id);
  } else if (roll === 2 || roll === 3) {
    await createMatch(world, random.pick(world.requests)!, day);
  } else if (roll === 4 && live.length > 0) {
    await moveMatch(world, random.pick(live)![0], day, random);
  } else if ((roll === 5 || roll === 6) && running.length > 0) {
    const [matchId] = random.pick(running)!;
    world.openFollowUps.push(
      await reportFollowUp({ municipalityCode: HERE, matchId, dueOn: dayAfter(day, random.below(20)) }),
    );
  } else if ((roll === 7 || roll === 8) && world.openFollowUps.length > 0) {
    const id = world.openFollowUps.splice(random.below(world.openFollowUps.length), 1)[0]!;
    const outcome = random.below(4);
    if (outcome === 0) await FollowUpModel.updateOne({ _id: id }, { $set: { state: 'skipped' } });
    else if (outcome === 1) await FollowUpModel.updateOne({ _id: id }, { $set: { state: 'cancelled' } });
    else {
      await FollowUpModel.updateOne(
        { _id: id },
        {
          $set: {
            state: 'done',
            answeredAt: new Date(at(day).getTime() + random.below(3_600_000)),
            answeredBy: 'volunteer',
            answers: {
              meetings: 2,
              goes: 3,
              wellbeing: 1 + random.below(5),
              worry: false,
              wishContinue: 'yes',
            },
          },
        },
      );
      world.answered.push(id);
    }
  } else if (roll === 9 && world.answered.length > 0) {
    const id = random.pick(world.answered)!;
    await FollowUpModel.updateOne({ _id: id }, { $set: { worryRaisedAt: at(day) } });
    world.worries.push(id);
  } else if (roll === 10 && world.worries.length > 0) {
    const id = world.worries.splice(random.below(world.worries.length), 1)[0]!;
    await FollowUpModel.updateOne({ _id: id }, { $set: { worrySeenAt: at(dayAfter(day, random.below(5))) } });
  } else if (live.length > 0) {
    await moveMatch(world, random.pick(live)![0], day, random);
  }
}

/** The figures from the maintained documents and from the records themselves, for a period and area. */
async function bothWays(periods: Period[], today: string) {
  const maintained = await readFacts(HERE);
  assert.ok(maintained, 'the job left maintained figures');
  const records = await reportInputFromRecords(HERE);
  assert.deepEqual(areasOf(maintained.input), areasOf(records));
  for (const area of [undefined, ...POSTCODES]) {
    const fromFacts: ReportInput = area ? inArea(maintained.input, area) : maintained.input;
    const fromRecords: ReportInput = area ? inArea(records, area) : records;
    for (const period of periods) {
      assert.deepEqual(
        computeFigures(fromFacts, period, today),
        computeFigures(fromRecords, period, today),
        `figures for ${period.from}–${period.to} in ${area ?? 'the whole municipality'}`,
      );
    }
  }
  return maintained;
}

describe('the maintained report figures', function () {
  this.timeout(240_000);
  useTestDatabase();

  for (const seed of [14, 2026]) {
    it(`when records change at random over several periods (seed ${seed}), then the maintained figures equal a recomputation from the records`, async () => {
      const random = generator(seed);
      const world: World = { requests: [], matches: new Map(), openFollowUps: [], answered: [], worries: [] };
      await reportRequest(ELSEWHERE, '2024-02-01', '1050');
      let day = '2024-01-01';
      const periods: Period[] = [];
      for (let round = 0; round < 5; round += 1) {
        const start = day;
        for (let step = 0; step < 40; step += 1) {
          await change(world, day, random);
          day = dayAfter(day, random.below(4));
        }
        periods.push({ from: start, to: day });
        const today = dayAfter(day, 1);
        const run = await runJob(figuresJob, { now: at(today) });
        assert.equal(run.failures, 0, run.errorMessages.join('; '));
        const maintained = await bothWays(
          [...periods, { from: '2024-01-01', to: today }, { from: `${today.slice(0, 4)}-01-01`, to: today }],
          today,
        );
        // Everything the records hold is there under opaque keys only.
        assert.equal(maintained.input.requests.length, world.requests.length);
        assert.ok(maintained.input.requests.every((request) => !world.requests.includes(request.id)));
      }
      // Chunks that were replaced are gone: only the listed documents remain.
      const builds = await ReportFactsBuildModel.find({}).lean();
      const listed = builds.flatMap((build) => build.chunkIds).sort();
      const stored = (await ReportFactsChunkModel.find({}, { _id: 1 }).lean()).map((m) => m._id).sort();
      assert.deepEqual(stored, listed);
      assert.deepEqual(builds.map((build) => build._id).sort(), [ELSEWHERE, HERE]);
    });
  }

  it('when nothing changed since the last run, then no chunk is written again and the figures are newer', async () => {
    const requestId = await reportRequest(HERE, '2025-03-01');
    await reportRequest(HERE, '2025-04-01', '9440');
    void requestId;
    await runJob(figuresJob);
    const first = await ReportFactsBuildModel.findById(HERE).lean();
    const months = await ReportFactsChunkModel.find({}).lean();
    await runJob(figuresJob);
    const second = await ReportFactsBuildModel.findById(HERE).lean();
    assert.deepEqual(second!.chunkIds, first!.chunkIds);
    assert.ok(second!.builtAt >= first!.builtAt);
    const again = await ReportFactsChunkModel.find({}).lean();
    assert.deepEqual(
      again.map((month) => String(month.updatedAt)),
      months.map((month) => String(month.updatedAt)),
    );
    // No name, no id: the stored text holds opaque keys, dates, states and postcodes only.
    for (const month of again) assert.doesNotMatch(month.body, new RegExp(requestId));
  });

  it('when a raced build left a chunk that no list names, then the sweep removes it once it is old, and nothing listed', async () => {
    await reportRequest(HERE, '2025-03-01');
    await runJob(figuresJob);
    const listed = (await ReportFactsBuildModel.findById(HERE).lean())!.chunkIds;
    const stray = { municipalityCode: HERE, fromMonth: '2025-03', toMonth: '2025-03', body: '[]' };
    await ReportFactsChunkModel.create({ _id: `${HERE}:2025-03:stray`, ...stray });
    // Written just now: a build may still be about to list it.
    assert.equal(await sweepUnlistedChunks(HERE, new Date(Date.now() - 60_000)), 0);
    assert.equal(await sweepUnlistedChunks(HERE, new Date(Date.now() + 60_000)), 1);
    const left = (await ReportFactsChunkModel.find({ municipalityCode: HERE }, { _id: 1 }).lean()).map(
      (chunk) => chunk._id,
    );
    assert.deepEqual(left.sort(), [...listed].sort());
    assert.ok(await readFacts(HERE), 'the listed figures still read');
  });

  it('when the figures are older than their bound (the job stopped), then the report builds them from the records', async () => {
    await reportRequest(HERE, '2025-03-01');
    await runJob(figuresJob);
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    await ReportFactsBuildModel.updateOne({ _id: HERE }, { $set: { builtAt: threeHoursAgo } });
    await reportRequest(HERE, '2025-04-01');
    const read = await maintainedInput(HERE);
    assert.ok(read.builtAt > threeHoursAgo, 'built again');
    assert.equal(read.input.requests.length, 2, 'the new request is in');
    // Within the bound, the kept figures are served as they are.
    await reportRequest(HERE, '2025-05-01');
    assert.equal((await maintainedInput(HERE)).input.requests.length, 2);
  });
});
