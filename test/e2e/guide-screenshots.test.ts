import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { expectNoAxeViolations, launchBrowser, serve, type RunningServer } from '../helpers/browser.js';
import { logInAsDemo } from '../helpers/browser-session.js';
import { buildDemoApp } from '../helpers/demo.js';
import { clearTestDatabase } from '../helpers/use-test-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GUIDES = path.join(ROOT, 'docs', 'guides');
const IMAGES = path.join(GUIDES, 'img');
// The pictures are rewritten only on request; every other run checks that the guides still match them.
const UPDATE = process.env.UPDATE_GUIDE_SCREENSHOTS === '1';
// A small laptop: the pages' wide layout, and pictures that stay small in the repository.
const VIEWPORT = { width: 960, height: 720 };
// A picture shows the page from its top down to this height: the header with who is logged in, and the content.
const MAX_PICTURE_HEIGHT = 1100;

/** How a step reaches its page: an address typed in, or a link the previous page shows (by its text). */
type Way = { path: string } | { link: string | RegExp };

interface Step {
  /** The picture's name: docs/guides/img/<role>-<name>.png. */
  name: string;
  way: Way;
  /** The page's main heading, as it reads. */
  heading: string | RegExp;
  /** Texts the page must show before its picture is taken (its data, not only its frame). */
  shows?: Array<string | RegExp>;
}

interface Walk {
  /** The guide's file name, docs/guides/<role>.md, and the pictures' prefix. */
  role: string;
  /** The demo login, before @demo.brobygning.dk. */
  login: string;
  steps: Step[];
}

/** Each role's guide, step by step, as the demo shows it. */
const WALKS: Walk[] = [
  {
    role: 'volunteer',
    login: 'frivillig',
    steps: [
      { name: 'home', way: { path: '/overblik' }, heading: 'Overblik', shows: ['Find en forening'] },
      {
        name: 'profile',
        way: { link: 'Min frivilligprofil' },
        heading: 'Din side som frivillig',
        shows: ['Din profil'],
      },
      {
        name: 'organisations',
        way: { path: '/frivillig/foreninger' },
        heading: 'Find en forening',
        shows: ['Nordstrand Gymnastikforening (demo)'],
      },
    ],
  },
  {
    role: 'volunteer',
    login: 'mads.kjaer',
    steps: [
      {
        name: 'proposals',
        way: { link: 'Mine forslag' },
        heading: 'Mine forslag',
        shows: ['Venter på svar', /Sig ja/],
      },
    ],
  },
  {
    role: 'volunteer',
    login: 'peter.noergaard',
    steps: [
      {
        name: 'check-ins',
        way: { link: /check-in venter på dig/ },
        heading: 'Dine check-ins',
      },
      {
        name: 'record',
        way: { path: '/frivillig/min-indsats' },
        heading: 'Frivillig indsats',
        shows: ['Kort fortalt'],
      },
    ],
  },
  {
    role: 'coordinator',
    login: 'koordinator',
    steps: [
      {
        name: 'home',
        way: { path: '/overblik' },
        heading: 'Overblik',
        shows: [/forslag venter på jeres svar/],
      },
      {
        name: 'proposals',
        way: { link: 'Forslag til foreningen' },
        heading: 'Forslag til foreningen',
        shows: ['Venter på svar'],
      },
      {
        name: 'vetting',
        way: { link: 'Godkendelse af frivillige' },
        heading: /^Godkendelse af frivillige i Nordstrand Gymnastikforening/,
      },
      {
        name: 'members',
        way: { link: 'Medlemmer' },
        heading: /^Medlemmer af Nordstrand Gymnastikforening/,
        shows: ['Mads Kjær (demo)'],
      },
    ],
  },
  {
    role: 'social-worker',
    login: 'socialraadgiver',
    steps: [
      { name: 'home', way: { path: '/overblik' }, heading: 'Overblik', shows: ['Det venter på dig'] },
      { name: 'cases', way: { link: 'Mine sager' }, heading: 'Mine sager', shows: ['DEMO-2026-0101'] },
      {
        name: 'case',
        way: { link: 'DEMO-2026-0101' },
        heading: 'Sag DEMO-2026-0101',
        shows: ['Næste skridt'],
      },
      {
        name: 'candidates',
        way: { link: 'Find en voksen' },
        heading: 'Kandidater til DEMO-2026-0101',
        shows: ['Hvorfor'],
      },
    ],
  },
  {
    role: 'social-worker',
    login: 'socialraadgiver',
    steps: [
      {
        name: 'consent',
        way: { link: /forløb venter på samtykke/ },
        heading: /^Samtykke for /,
        shows: ['Registrér et samtykke'],
      },
      {
        name: 'follow-ups',
        way: { path: '/opfoelgning' },
        heading: 'Opfølgning',
        shows: ['Skal gøres nu'],
      },
    ],
  },
  {
    role: 'leader',
    login: 'leder',
    steps: [
      { name: 'home', way: { path: '/overblik' }, heading: 'Overblik', shows: [/se kommunens rapport/] },
      {
        name: 'report',
        way: { link: /se kommunens rapport/ },
        heading: 'Rapport for Jammerbugt',
        shows: ['Mål for 2026'],
      },
      {
        name: 'team',
        way: { path: '/kommune/rapport/team' },
        heading: 'Teamets sagsoverblik i Jammerbugt',
        shows: ['Sager pr. socialrådgiver'],
      },
    ],
  },
  {
    role: 'municipal-administrator',
    login: 'kommuneadmin',
    steps: [
      {
        name: 'home',
        way: { path: '/overblik' },
        heading: 'Overblik',
        shows: [/organisation venter på godkendelse/],
      },
      {
        name: 'organisations',
        way: { link: 'Foreninger' },
        heading: 'Foreninger i Jammerbugt Kommune',
        shows: ['Klitsogn Kirkes Ungdomsklub (demo)'],
      },
      {
        name: 'declarations',
        way: { link: 'Børneattest-erklæringer' },
        heading: /^Erklæringer om børneattester i Jammerbugt Kommune/,
      },
      { name: 'staff', way: { link: 'Medarbejdere' }, heading: 'Medarbejdere i Jammerbugt Kommune' },
      { name: 'settings', way: { link: 'Indstillinger' }, heading: 'Indstillinger for Jammerbugt' },
      { name: 'weights', way: { link: 'Vægte for kandidater' }, heading: 'Hvordan kandidater rangeres' },
    ],
  },
  {
    role: 'platform-administrator',
    login: 'platformadmin',
    steps: [
      {
        name: 'home',
        way: { path: '/overblik' },
        heading: 'Overblik',
        shows: [/kommuner er ikke med endnu/],
      },
      {
        name: 'municipalities',
        way: { link: 'Kommuner' },
        heading: 'Kommuner på Brobygning',
        shows: ['Jammerbugt'],
      },
      {
        name: 'jobs',
        way: { link: 'Planlagte job' },
        heading: 'Planlagte job',
        shows: ['reporting:figures'],
      },
    ],
  },
];

const imageName = (walk: Walk, step: Step) => `${walk.role}-${step.name}.png`;

/** Every image a guide shows, as "guide: path" (paths relative to the guide). */
function guideImages(): Array<{ guide: string; image: string }> {
  return readdirSync(GUIDES)
    .filter((file) => file.endsWith('.md'))
    .flatMap((guide) =>
      [...readFileSync(path.join(GUIDES, guide), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(
        (match) => ({
          guide,
          image: match[1]!,
        }),
      ),
    );
}

/** Takes the step's way to its page and waits until the page shows its heading and its data. */
async function reach(page: Page, baseUrl: string, step: Step): Promise<void> {
  if ('path' in step.way) {
    await page.goto(baseUrl + step.way.path);
  } else {
    const before = page.url();
    const name = step.way.link;
    const link = page.getByRole('link', { name, exact: typeof name === 'string' }).first();
    // A missing link is the demo's defect: say so, rather than time out waiting for a page.
    await link.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`${before} shows no link ${String(name)} for the step "${step.name}"`);
    });
    await Promise.all([page.waitForURL((url) => url.href !== before), link.click()]);
  }
  await page.getByRole('heading', { level: 1, name: step.heading }).waitFor();
  for (const text of step.shows ?? []) await page.getByText(text).first().waitFor();
}

/** The page from its top, at most MAX_PICTURE_HEIGHT pixels of it. */
async function picture(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(height, MAX_PICTURE_HEIGHT) },
    animations: 'disabled',
    caret: 'hide',
  });
}

describe('guides: every picture a guide shows is in docs/guides/img', () => {
  it('when the guides are read, then each image they show exists and each step of the walks is shown', () => {
    const shown = guideImages();
    assert.deepEqual(
      shown.filter(({ image }) => !existsSync(path.join(GUIDES, image))).map((e) => `${e.guide}: ${e.image}`),
      [],
      'a guide shows a picture that is not there: UPDATE_GUIDE_SCREENSHOTS=1 npx mocha test/e2e/guide-screenshots.test.ts',
    );
    const names = new Set(shown.map(({ image }) => path.basename(image)));
    const unshown = WALKS.flatMap((walk) => walk.steps.map((step) => imageName(walk, step))).filter(
      (name) => !names.has(name),
    );
    assert.deepEqual(unshown, [], 'a step of the walks is in no guide');
    for (const walk of WALKS)
      assert.ok(existsSync(path.join(GUIDES, `${walk.role}.md`)), `docs/guides/${walk.role}.md is missing`);
  });
});

describe("guides: each role's steps through the demo in the browser (headings, data, axe, pictures)", function () {
  this.timeout(240_000);
  let browser: Browser;
  let server: RunningServer;

  before(async function () {
    browser = await launchBrowser(this);
    await clearTestDatabase();
    // The app first: seeding uses the real services, which send notices through the outbox it configures.
    const app = buildDemoApp();
    await seedDemo();
    server = await serve(app);
    if (UPDATE) mkdirSync(IMAGES, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const walk of WALKS) {
    it(`when ${walk.login}@ follows the ${walk.role} guide (${walk.steps.map((step) => step.name).join(', ')}), then each page shows its heading and data and passes axe`, async () => {
      const context = await browser.newContext({ locale: 'da-DK', viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await logInAsDemo(page, server.baseUrl, `${walk.login}@demo.brobygning.dk`);
        for (const step of walk.steps) {
          await reach(page, server.baseUrl, step);
          await expectNoAxeViolations(page);
          const file = path.join(IMAGES, imageName(walk, step));
          if (UPDATE) await picture(page, file);
          else
            assert.ok(
              existsSync(file),
              `${path.relative(ROOT, file)} is missing: run with UPDATE_GUIDE_SCREENSHOTS=1`,
            );
        }
      } finally {
        await context.close();
      }
    });
  }
});
