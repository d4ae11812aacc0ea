import assert from 'node:assert/strict';
import { type MatchForActivity } from '../../../src/components/case-reads/index.js';
import { vettingStateOf, lastTwelveMonths } from '../../../src/components/activity-reports/activity-rules.js';
import { checkInCompletion } from '../../../src/components/activity-reports/checkin-rules.js';
import { judgeFollowUp } from '../../../src/components/followups/index.js';
import {
  organisationTables,
  type OrganisationReportInput,
} from '../../../src/components/activity-reports/organisation-report-rules.js';

const TODAY = '2026-03-15';
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
let counter = 0;

function match(
  offerId: string | undefined,
  startedOn: string | undefined,
  state = 'active',
): MatchForActivity {
  counter += 1;
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  return {
    id: `m${counter}`,
    requestId: `r${counter}`,
    organisationId: 'org',
    offerId,
    volunteerId: `v${counter}`,
    state: state as MatchForActivity['state'],
    history: [
      { state: 'proposed', at: at(startedOn ?? TODAY) },
      ...(startedOn ? [{ state: 'active' as const, at: at(startedOn) }] : []),
    ],
  };
}

const offers = [
  { id: 'a', title: 'A', places: 10, free: 3 },
  { id: 'b', title: 'B', places: 4, free: 2 },
];

function input(
  matches: MatchForActivity[],
  extra: Partial<OrganisationReportInput> = {},
): OrganisationReportInput {
  return { today: TODAY, offers, matches, checkIns: [], members: [], dayOf, ...extra };
}

const cells = (tables: ReturnType<typeof organisationTables>, id: string) =>
  Object.fromEntries(
    tables
      .find((table) => table.id === id)!
      .rows.map((row) => [row.label ?? row.labelKey, row.cells.map((c) => c.text)]),
  );

describe('organisation report rules', () => {
  it('when every offer has 5 or more running, then every count is shown', () => {
    const matches = [...Array(5)].map(() => match('a', '2026-01-05'));
    matches.push(...[...Array(6)].map(() => match('b', '2026-02-05')));
    const offersTable = cells(organisationTables(input(matches)), 'offers');
    assert.deepEqual(offersTable.A, ['10', '3', '5']);
    assert.deepEqual(offersTable.B, ['4', '2', '6']);
    assert.deepEqual(offersTable['activityReports.organisation.rows.total'], ['14', '5', '11']);
  });

  it('when one offer has fewer than 5 running, then it and the smallest other are held back, the total shown', () => {
    const matches = [...[...Array(7)].map(() => match('a', '2026-01-05')), match('b', '2026-01-05')];
    const offersTable = cells(organisationTables(input(matches)), 'offers');
    assert.deepEqual(offersTable.A, ['10', '3', '< 5']);
    assert.deepEqual(offersTable.B, ['4', '2', '< 5']);
    assert.deepEqual(offersTable['activityReports.organisation.rows.total'], ['14', '5', '8']);
  });

  it('when a running match has no offer of the organisation, then it has its own row so the parts add up', () => {
    const matches = [
      ...[...Array(5)].map(() => match('a', '2026-01-05')),
      ...[...Array(5)].map(() => match(undefined, '2026-01-05')),
    ];
    const offersTable = cells(organisationTables(input(matches)), 'offers');
    assert.deepEqual(offersTable['activityReports.organisation.rows.withoutOffer'], ['–', '–', '5']);
    assert.deepEqual(offersTable['activityReports.organisation.rows.total'], ['14', '5', '10']);
  });

  it('when matches never started or have closed, then they are not running, but a paused one is', () => {
    const matches = [
      match('a', undefined, 'proposed'),
      match('a', '2026-01-05', 'closed'),
      ...[...Array(5)].map(() => match('a', '2026-01-05', 'paused')),
    ];
    assert.deepEqual(cells(organisationTables(input(matches)), 'offers').A, ['10', '3', '5']);
  });

  it('when matches started over the months, then each month counts the starts per offer, one held back with a complement', () => {
    const matches = [
      ...[...Array(6)].map(() => match('a', '2026-02-10')),
      ...[...Array(2)].map(() => match('b', '2026-02-20')),
      ...[...Array(5)].map(() => match('a', '2025-04-01')),
      match('a', '2025-03-31'),
    ];
    const months = cells(organisationTables(input(matches)), 'months');
    assert.deepEqual(Object.keys(months), lastTwelveMonths(TODAY));
    assert.deepEqual(months['2026-02'], ['< 5', '< 5', '8']);
    assert.deepEqual(months['2025-04'], ['5', '0', '5']);
    assert.deepEqual(months['2026-03'], ['0', '0', '0']);
    assert.equal(months['2025-03'], undefined);
  });

  it('when check-ins are judged, then on time, late, missed and pending follow the check-in clock', () => {
    assert.equal(
      judgeFollowUp({ dueOn: '2026-03-01', state: 'done', answeredOn: '2026-02-27' }, TODAY),
      'onTime',
    );
    assert.equal(
      judgeFollowUp({ dueOn: '2026-03-01', state: 'done', answeredOn: '2026-03-02' }, TODAY),
      'onTime',
    );
    assert.equal(
      judgeFollowUp({ dueOn: '2026-03-01', state: 'done', answeredOn: '2026-03-03' }, TODAY),
      'late',
    );
    assert.equal(judgeFollowUp({ dueOn: '2026-03-08', state: 'open' }, TODAY), 'missed');
    assert.equal(judgeFollowUp({ dueOn: '2026-03-09', state: 'open' }, TODAY), 'pending');
    assert.equal(judgeFollowUp({ dueOn: '2026-03-01', state: 'skipped' }, TODAY), 'missed');
    assert.equal(judgeFollowUp({ dueOn: '2026-01-01', state: 'cancelled' }, TODAY), 'cancelled');
    assert.deepEqual(
      checkInCompletion(
        [
          { dueOn: '2026-03-01', state: 'done', answeredOn: '2026-03-01' },
          { dueOn: '2025-03-01', state: 'done', answeredOn: '2025-03-01' },
          { dueOn: '2026-04-01', state: 'open' },
        ],
        '2025-04-01',
        TODAY,
      ),
      { onTime: 1, late: 0, missed: 0, pending: 0 },
    );
  });

  it('when one of on time, late and missed is under 5, then it and the smallest other are held back, the total shown', () => {
    const done = (answeredOn: string) => ({ dueOn: '2026-02-01', state: 'done', answeredOn });
    const checkIns = [
      ...[...Array(7)].map(() => done('2026-02-01')),
      ...[...Array(6)].map(() => done('2026-02-10')),
      { dueOn: '2026-02-01', state: 'open' },
    ];
    const table = cells(organisationTables(input([], { checkIns })), 'checkins');
    assert.deepEqual(table['activityReports.organisation.rows.onTime'], ['7']);
    assert.deepEqual(table['activityReports.organisation.rows.late'], ['< 5']);
    assert.deepEqual(table['activityReports.organisation.rows.missed'], ['< 5']);
    assert.deepEqual(table['activityReports.organisation.rows.judged'], ['14']);
  });

  it('when members are vetted, expiring, expired or missing, then they are counted as they are (adults)', () => {
    const table = cells(
      organisationTables(input([], { members: ['vetted', 'expiring', 'expired', 'missing', 'missing'] })),
      'vetting',
    );
    assert.deepEqual(table['activityReports.vettingStates.vetted'], ['1']);
    assert.deepEqual(table['activityReports.vettingStates.expiring'], ['1']);
    assert.deepEqual(table['activityReports.vettingStates.expired'], ['1']);
    assert.deepEqual(table['activityReports.vettingStates.missing'], ['2']);
    assert.deepEqual(table['activityReports.organisation.rows.total'], ['5']);
  });

  it("when a person's vetting is read, then the four states are told apart", () => {
    const now = new Date('2026-03-15T12:00:00Z');
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
    assert.equal(vettingStateOf({ vetted: true, validUntil: inDays(200) }, now), 'vetted');
    assert.equal(vettingStateOf({ vetted: true, validUntil: inDays(59) }, now), 'expiring');
    assert.equal(vettingStateOf({ vetted: false, validUntil: inDays(-1) }, now), 'expired');
    assert.equal(vettingStateOf({ vetted: false, validUntil: inDays(100) }, now), 'missing');
    assert.equal(vettingStateOf(undefined, now), 'missing');
  });
});
