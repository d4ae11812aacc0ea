import assert from 'node:assert/strict';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { buildDemoApp, loginAsDemo } from '../../helpers/demo.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe("the demo municipality's report", function () {
  this.timeout(90_000);
  useTestDatabase();

  it('when the demo administrator opens the report for the last twelve months, then the chart has a shape and "< 5" shows', async () => {
    const app = buildDemoApp();
    await seedDemo();
    const { agent } = await loginAsDemo(app, 'kommuneadmin@demo.brobygning.dk');
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, 1))
      .toISOString()
      .slice(0, 10);
    const page = await agent.get(`/kommune/rapport?fra=${from}&til=${now.toISOString().slice(0, 10)}`);
    assert.equal(page.status, 200);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page.text)![0];
    const heights = [...svg.matchAll(/<rect [^>]*height="(\d+)"/g)].map((match) => Number(match[1]));
    assert.ok(heights.length >= 6, `${heights.length} bars`);
    assert.ok(new Set(heights).size >= 3, 'bars of different heights');
    assert.match(svg, /&lt; 5/);
    assert.match(page.text, /data-table="durationsClosed"/);
    assert.match(page.text, /<option value="9690">9690 Fjerritslev<\/option>/);
    // The demo's goals for the current year are shown month by month.
    assert.match(page.text, /data-table="goalTrend"/);
  });
});
