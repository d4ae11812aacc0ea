import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The messages of the project's own eslint configuration for `code` as if it were in `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const boundary = (messages: string[]) => messages.filter((m) => m.startsWith('no-restricted-imports'));

describe('component boundary (eslint)', function () {
  this.timeout(30_000);

  it('when a component imports another component through the components folder, then lint fails', async () => {
    const messages = await lint(
      'src/components/matching/boundary-probe.ts',
      "import { OfferModel } from '../../components/offers/offer-model.js';\nexport const probe = OfferModel;\n",
    );
    assert.equal(boundary(messages).length, 1, messages.join('\n'));
  });

  it('when a component imports another component file directly, then lint fails', async () => {
    const messages = await lint(
      'src/components/matching/boundary-probe.ts',
      "import { OfferModel } from '../offers/offer-model.js';\nexport const probe = OfferModel;\n",
    );
    assert.equal(boundary(messages).length, 1, messages.join('\n'));
  });

  it('when a component imports another through its index, or its own files, then lint passes', async () => {
    const messages = await lint(
      'src/components/matching/boundary-probe.ts',
      [
        "import { OFFERS_TOPIC } from '../offers/index.js';",
        "import { OFFERS_TOPIC as SAME } from '../../components/offers/index.js';",
        "import { candidateKey } from './candidate-facts.js';",
        "import { recordAudit } from '../../shared/audit/index.js';",
        'export const probe = [OFFERS_TOPIC, SAME, candidateKey, recordAudit];',
        '',
      ].join('\n'),
    );
    assert.deepEqual(boundary(messages), []);
  });

  it('when shared code imports a component, then lint fails', async () => {
    const messages = await lint(
      'src/shared/db/boundary-probe.ts',
      "import { OFFERS_TOPIC } from '../../components/offers/index.js';\nexport const probe = OFFERS_TOPIC;\n",
    );
    assert.equal(boundary(messages).length, 1, messages.join('\n'));
  });
});
