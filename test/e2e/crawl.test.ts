import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { Browser } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { listRoutes } from '../../src/shared/http/index.js';
import { launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { logInAsDemo } from '../helpers/browser-session.js';
import { crawl, unlinkedRoutes } from '../helpers/crawl.js';
import { buildDemoApp, DEMO_MIN_CANDIDATES, demoRequestsShortOfCandidates } from '../helpers/demo.js';

// Every demo role (as a newcomer tries them after `npm start`); a page joins the crawl by being linked.
const PEOPLE: Array<{ who: string; email?: string }> = [
  { who: 'anonymous' },
  { who: 'volunteer (new)', email: 'frivillig@demo.brobygning.dk' },
  { who: 'volunteer (vetted, proposed)', email: 'mads.kjaer@demo.brobygning.dk' },
  { who: 'coordinator (gymnastics)', email: 'koordinator@demo.brobygning.dk' },
  { who: 'coordinator (carpentry)', email: 'koordinator.snedker@demo.brobygning.dk' },
  { who: 'coordinator (football)', email: 'koordinator.fodbold@demo.brobygning.dk' },
  { who: 'social worker', email: 'socialraadgiver@demo.brobygning.dk' },
  { who: 'leader', email: 'leder@demo.brobygning.dk' },
  { who: 'municipal administrator', email: 'kommuneadmin@demo.brobygning.dk' },
  { who: 'platform administrator', email: 'platformadmin@demo.brobygning.dk' },
];

const ERROR_TEXTS = {
  da: ['Der opstod en fejl', 'Forespørgslen kunne ikke behandles', 'Brobygning er midlertidigt utilgængelig'],
  en: ['Something went wrong', 'The request could not be processed', 'Brobygning is temporarily unavailable'],
};

// Danish: every role, up to three pages of each kind, axe at phone width. English: every kind of role
// (one coordinator, one volunteer), one page of each kind, axe at desktop width. Within minutes on 2 cores.
const LANGUAGES = [
  { language: 'da' as const, perPattern: 3, axeWidth: 390, people: PEOPLE },
  {
    language: 'en' as const,
    perPattern: 1,
    axeWidth: 1280,
    people: PEOPLE.filter(({ who }) => !/carpentry|football|vetted/.test(who)),
  },
];

describe('crawl: every page each demo role can reach (status, error text, lang, axe, 390/320 px)', function () {
  this.timeout(240_000);
  let browser: Browser;
  let server: RunningServer;
  // The public pages, checked by the anonymous crawl: a logged-in crawl starts from its home and does not
  // check them again (their header is the same one every logged-in page it does check carries).
  const publicPatterns = new Map<string, ReadonlySet<string>>();
  // Every path some crawled page links, over all the crawls: a page only typed in is a dead end.
  const linked = new Set<string>();
  const crawls = LANGUAGES.reduce((sum, { people }) => sum + people.length, 0);
  let crawled = 0;

  before(async function () {
    browser = await launchBrowser(this);
    const db = mongoose.connection.db!;
    await Promise.all((await db.collections()).map((collection) => collection.deleteMany({})));
    // The app first: seeding uses the real services, which send notices through the outbox it configures.
    const app = buildDemoApp();
    await seedDemo();
    server = await serve(app);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('when the demo is seeded, then every request not closed has eligible candidates on its candidates page', async () => {
    assert.deepEqual(await demoRequestsShortOfCandidates(new Date(), DEMO_MIN_CANDIDATES), []);
  });

  for (const { language, perPattern, axeWidth, people } of LANGUAGES) {
    for (const { who, email } of people) {
      it(`when the ${who} follows every link in ${language === 'da' ? 'Danish' : 'English'}, then every page works`, async () => {
        const context = await browser.newContext({ locale: language === 'da' ? 'da-DK' : 'en-GB' });
        await context.addCookies([{ name: 'lang', value: language, url: server.baseUrl }]);
        const page = await context.newPage();
        try {
          const start = ['/'];
          if (email) {
            await logInAsDemo(page, server.baseUrl, email);
            start.unshift('/overblik');
          }
          const { visited, patterns, problems, ...found } = await crawl(page, {
            baseUrl: server.baseUrl,
            start,
            perPattern,
            language,
            errorTexts: ERROR_TEXTS[language],
            axeWidth,
            skipPatterns: email ? publicPatterns.get(language) : undefined,
          });
          if (!email) publicPatterns.set(language, patterns);
          for (const path of found.linked) linked.add(path);
          crawled += 1;
          console.log(`      ${who} (${language}): ${visited.length} pages visited`);
          if (process.env.CRAWL_LIST === '1')
            console.log(visited.map((path) => `        ${path}`).join('\n'));
          assert.ok(visited.length >= (email ? 4 : 3), `${who} reached only ${visited.join(', ')}`);
          assert.deepEqual(
            problems.map((entry) => `${entry.url}: ${entry.problem}`),
            [],
          );
        } finally {
          await context.close();
        }
      });
    }
  }

  it('when every role has followed every link, then every page of the route table was linked from one of them', function () {
    // Run alone (a grep), the crawls above did not run: there is nothing to judge.
    if (crawled < crawls) this.skip();
    const pages = listRoutes()
      .filter((route) => route.method === 'get')
      .map((route) => route.path);
    assert.deepEqual(unlinkedRoutes(pages, linked), [], 'pages reached only by typing their address');
  });
});
