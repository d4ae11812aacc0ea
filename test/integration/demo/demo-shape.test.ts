import assert from 'node:assert/strict';
import { trusted, type Model } from 'mongoose';
import { allModels } from '../../../src/component-list.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { DEMO_SUPPLY_REQUESTS } from '../../../src/demo/demo-supply.js';
import { buildDemoApp, loginAsDemo } from '../../helpers/demo.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** Top-level and nested fields the model would fill in (a default) that the stored document lacks. */
function missingDefaults(
  stored: Record<string, unknown>,
  complete: Record<string, unknown>,
  at = '',
): string[] {
  return Object.entries(complete).flatMap(([key, value]) => {
    if (!(key in stored) || stored[key] === undefined) return value === undefined ? [] : [`${at}${key}`];
    const inner = stored[key];
    const isPlain = (v: unknown) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      v.constructor === Object;
    return isPlain(value) && isPlain(inner)
      ? missingDefaults(inner as Record<string, unknown>, value as Record<string, unknown>, `${at}${key}.`)
      : [];
  });
}

describe('demo content has the shape the app writes', function () {
  // Seeding the whole demo (months of follow-ups through the services) takes seconds on a busy machine.
  this.timeout(60_000);
  // Seeding uses the real services, which send notices through the outbox the app configures.
  beforeEach(() => {
    buildDemoApp();
  });
  useTestDatabase();

  it('when the demo is seeded, then every stored document of every model passes its model validation with nothing left to default', async () => {
    await seedDemo();
    const problems: string[] = [];
    let checked = 0;
    for (const model of allModels(testConfig()) as unknown as Model<unknown>[]) {
      const stored = (await model.collection.find({}).toArray()) as Record<string, unknown>[];
      for (const raw of stored) {
        checked += 1;
        const built = new model(raw);
        const complete = built.toObject({ versionKey: false }) as Record<string, unknown>;
        const missing = missingDefaults(raw, complete);
        if (missing.length > 0)
          problems.push(`${model.modelName} ${String(raw._id)} lacks ${missing.join(', ')}`);
        await built.validate().catch((error: Error) => {
          problems.push(`${model.modelName} ${String(raw._id)}: ${error.message}`);
        });
      }
    }
    assert.ok(checked > 100, `only ${checked} documents were seeded`);
    assert.deepEqual(problems, []);
  });

  it('when the demo social worker opens each demo request and its candidates, then every page answers 200', async () => {
    await seedDemo();
    const app = buildDemoApp();
    const { agent } = await loginAsDemo(app, 'socialraadgiver@demo.brobygning.dk');
    // The demo's current requests, and one of its past cases (closed, with ended matches).
    const requests = await RequestModel.find(
      { caseRef: trusted({ $not: /^DEMO-HIST-/ }) },
      { _id: 1 },
    ).lean();
    assert.equal(requests.length, 9 + DEMO_SUPPLY_REQUESTS);
    const past = await RequestModel.findOne({ caseRef: 'DEMO-HIST-001' }, { _id: 1 }).lean();
    assert.ok(past, 'the past cases are there');
    requests.push(past);
    for (const { _id } of requests) {
      for (const path of [`/sager/${String(_id)}`, `/sager/${String(_id)}/kandidater`]) {
        const response = await agent.get(path);
        assert.equal(response.status, 200, `${path} answered ${response.status}`);
      }
    }
  });
});
