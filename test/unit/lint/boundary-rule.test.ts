import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RULE = 'local/import-boundaries';

let eslint: ESLint;

/** The boundary rule's messages from the project's own eslint configuration for `code` as if it were `file`. */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

async function assertRefused(file: string, code: string): Promise<void> {
  const messages = await boundaryMessages(file, code);
  assert.equal(messages.length, 1, `${file}: ${code}\n${messages.join('\n')}`);
}

async function assertAllowed(file: string, code: string): Promise<void> {
  assert.deepEqual(await boundaryMessages(file, code), [], `${file}: ${code}`);
}

const COMPONENT_FILE = 'src/components/offers/boundary-probe.ts';

describe('import boundary rule (eslint)', function () {
  this.timeout(60_000);

  before(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  describe('a component reaching into another component', () => {
    const refused: Array<[string, string]> = [
      ['a file next door', "import { x } from '../consent/consent-rules.js';\nexport const y = x;\n"],
      [
        'a detour through its own folder',
        "import { x } from './../consent/consent-rules.js';\nexport const y = x;\n",
      ],
      [
        'a detour through a sibling',
        "import { x } from '../offers/../consent/consent-rules.js';\nexport const y = x;\n",
      ],
      [
        'the components folder',
        "import { x } from '../../components/consent/consent-rules.js';\nexport const y = x;\n",
      ],
      ['a file in a subfolder', "import { x } from '../consent/parts/x.js';\nexport const y = x;\n"],
      ['a type import', "import type { X } from '../consent/consent-rules.js';\nexport type Y = X;\n"],
      ['a dynamic import', "export const load = () => import('../consent/consent-rules.js');\n"],
      [
        'a dynamic import with a fixed template',
        'export const load = () => import(`../consent/consent-rules.js`);\n',
      ],
      ['a re-export of names', "export { x } from '../consent/consent-rules.js';\n"],
      ['a re-export of everything', "export * from '../consent/consent-rules.js';\n"],
      ['an import type in a type', "export type Y = import('../consent/consent-rules.js').X;\n"],
    ];
    for (const [how, code] of refused) {
      it(`when it imports through ${how}, then lint fails`, () => assertRefused(COMPONENT_FILE, code));
    }

    it('when it imports another component through its index, or its own files, then lint passes', () =>
      assertAllowed(
        COMPONENT_FILE,
        [
          "import { a } from '../consent/index.js';",
          "import { b } from '../../components/consent/index.js';",
          "import { c } from './offer-model.js';",
          "import { d } from './../offers/offer-model.js';",
          "import { e } from 'mongoose';",
          "export { f } from '../consent/index.js';",
          "export const load = () => import('../consent/index.js');",
          'export const computed = (name: string) => import(name);',
          'export const all = [a, b, c, d, e];',
          '',
        ].join('\n'),
      ));
  });

  describe('shared folders, configuration and ambient types', () => {
    it('when a component imports a file inside a shared folder, then lint fails', () =>
      assertRefused(
        COMPONENT_FILE,
        "import { createLogger } from '../../shared/logging/logger.js';\nexport const y = createLogger;\n",
      ));

    it('when one shared folder imports a file inside another, then lint fails', () =>
      assertRefused(
        'src/shared/mail/boundary-probe.ts',
        "import { x } from '../db/duplicate-key.js';\nexport const y = x;\n",
      ));

    it('when the application root imports a file inside a shared folder, then lint fails', () =>
      assertRefused(
        'src/app-probe.ts',
        "import { x } from './shared/views/view-engine.js';\nexport const y = x;\n",
      ));

    it('when a script imports a file inside a shared folder, then lint fails', () =>
      assertRefused(
        'scripts/boundary-probe.ts',
        "import { x } from '../src/shared/logging/logger.js';\nexport const y = x;\n",
      ));

    it('when the demo imports a file inside a component, then lint fails', () =>
      assertRefused(
        'src/demo/boundary-probe.ts',
        "import { x } from '../components/offers/offer-model.js';\nexport const y = x;\n",
      ));

    it('when code imports a file inside the configuration, then lint fails', () =>
      assertRefused(
        COMPONENT_FILE,
        "import { x } from '../../config/config-schema.js';\nexport const y = x;\n",
      ));

    it('when code imports the ambient type declarations, then lint fails', () =>
      assertRefused(COMPONENT_FILE, "import '../../types/express-session.js';\n"));

    it('when shared code imports a component, even through its index, then lint fails', () =>
      assertRefused(
        'src/shared/db/boundary-probe.ts',
        "import { x } from '../../components/offers/index.js';\nexport const y = x;\n",
      ));

    it('when each is reached through its index, or a folder uses its own files, then lint passes', async () => {
      await assertAllowed(
        COMPONENT_FILE,
        [
          "import { a } from '../../shared/logging/index.js';",
          "import { b } from '../../shared/db/index.js';",
          "import { c } from '../../config/index.js';",
          'export const all = [a, b, c];',
          '',
        ].join('\n'),
      );
      await assertAllowed(
        'src/shared/db/boundary-probe.ts',
        "import { a } from './duplicate-key.js';\nimport { b } from '../logging/index.js';\nexport const all = [a, b];\n",
      );
      await assertAllowed(
        'src/config/boundary-probe.ts',
        "import { a } from './config-schema.js';\nexport const y = a;\n",
      );
      await assertAllowed(
        'scripts/boundary-probe.ts',
        "import { a } from '../src/shared/db/index.js';\nexport const y = a;\n",
      );
    });
  });

  it('when a test imports the files of the module it tests, then lint passes (tests are exempt)', () =>
    assertAllowed(
      'test/unit/offers/boundary-probe.test.ts',
      [
        "import { a } from '../../../src/components/offers/offer-model.js';",
        "import { b } from '../../../src/shared/db/duplicate-key.js';",
        'export const all = [a, b];',
        '',
      ].join('\n'),
    ));
});
