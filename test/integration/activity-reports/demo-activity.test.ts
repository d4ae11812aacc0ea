import assert from 'node:assert/strict';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { buildDemoApp, loginAsDemo } from '../../helpers/demo.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');

describe('the activity reports on the demo', function () {
  // Seeding the whole demo (months of follow-ups through the services) takes seconds on a busy machine.
  this.timeout(120_000);
  beforeEach(() => {
    buildDemoApp();
  });
  useTestDatabase();

  it("when the demo's volunteers and coordinators open their pages, then there is something to see, with a small count held back", async () => {
    await seedDemo();
    const app = buildDemoApp();
    const open = async (email: string, path: string) => {
      const { agent } = await loginAsDemo(app, email);
      const page = await agent.get(path);
      assert.equal(page.status, 200, `${email} ${path}`);
      return text(page.text);
    };

    // Peter's long-running match: every meeting he reported in his check-ins; the children are those of
    // every match he had that started (the demo's past cases included); no alias.
    const peter = await UserModel.findOne({ email: 'peter.noergaard@demo.brobygning.dk' }).lean();
    const answered = await FollowUpModel.find({
      volunteerId: String(peter!._id),
      audience: 'volunteer',
      state: 'done',
    }).lean();
    const meetings = answered.reduce((sum, followUp) => sum + (followUp.answers?.meetings ?? 0), 0);
    assert.ok(answered.length >= 5 && meetings > 0);
    const started = await MatchModel.find({
      volunteerId: String(peter!._id),
      'history.state': 'active',
    }).lean();
    const children = new Set(started.map((match) => match.requestId)).size;
    assert.ok(children > 1, 'the past cases give Peter more than one child');
    const record = await open('peter.noergaard@demo.brobygning.dk', '/frivillig/min-indsats');
    assert.match(
      record,
      new RegExp(`Du har mødtes ${meetings} gange siden [a-z]+ \\d{4}; ${children} børn\\.`),
    );
    assert.match(record, new RegExp(`${answered.length} tjek-ind besvaret`));
    const alias = (await MatchModel.findById(answered[0]!.matchId).lean())!.childAlias;
    assert.ok(!record.includes(alias), `no child alias (${alias}) on the record`);

    // The carpentry business has Peter's match: its figures are there, the one running match held back.
    const carpentry = await open('koordinator.snedker@demo.brobygning.dk', '/forening/rapport');
    assert.match(carpentry, /Forløb i gang nu < 5/);
    assert.match(
      carpentry,
      new RegExp(`Tjek-ind i alt \\(til tiden, for sent, ikke gennemført\\) ${answered.length}`),
    );
    assert.match(carpentry, /Godkendt 3 .*Ikke godkendt \(mangler trin\) 2 I alt 5/);
    assert.match(carpentry, /Se tjek-ind for jeres forløb/);

    // The gymnastics club: three vetted trainers, one expiring and one with steps missing.
    const gymnastics = await open('koordinator@demo.brobygning.dk', '/forening/rapport');
    assert.match(
      gymnastics,
      /Godkendt 3 Børneattest udløber inden for 60 dage 1 Børneattest udløbet 0 Ikke godkendt \(mangler trin\) 1 I alt 5/,
    );
    // Four places: the proposal, the match paused after the family withdrew and the one ready to start hold three.
    assert.match(gymnastics, /Tirsdagsgymnastik for 7–10-årige 4 1 < 5/);
  });
});
