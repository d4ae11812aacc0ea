import assert from 'node:assert/strict';
import type { Express } from 'express';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { buildDemoApp, loginAsDemo } from '../../helpers/demo.js';
import { tableOf } from '../../helpers/reporting.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('the report pages in the demo municipality', function () {
  this.timeout(120_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    app = buildDemoApp();
    await seedDemo();
  });

  it('when the demo administrator opens supply and demand, then an area is short, one covered and suppression shows', async () => {
    const { agent } = await loginAsDemo(app, 'kommuneadmin@demo.brobygning.dk');
    const page = await agent.get('/kommune/rapport/udbud');
    assert.equal(page.status, 200);
    const areas = tableOf(page.text, 'areas');
    // Fjerritslev: 7 children waiting, no offers.
    assert.deepEqual(areas['9690 Fjerritslev'], ['0', '0', '7', '7']);
    // Brovst: the football club's five free places against five children.
    assert.deepEqual(areas['9460 Brovst'], ['2', '5', '5', '0']);
    assert.equal(areas['9490 Pandrup']![2], '< 5', "Pandrup's few open requests are held back");
    assert.match(page.text, /data-need="short" data-postcode="9690"/);
    assert.match(page.text, /data-need="held-back" data-postcode="9490"/);
    assert.match(page.text, /data-need="covered" data-postcode="9460"/);
    assert.ok(
      tableOf(page.text, 'interests')['fodbold'],
      'football is asked for by enough children to be named',
    );
  });

  it('when the demo administrator opens vetting, then members in several certificate standings and missing declarations show', async () => {
    const { agent } = await loginAsDemo(app, 'kommuneadmin@demo.brobygning.dk');
    const page = await agent.get('/kommune/rapport/godkendelser');
    assert.equal(page.status, 200);
    const people = tableOf(page.text, 'people');
    assert.ok(Number(people['Gyldig børneattest']![0]) > 0);
    assert.ok(Number(people['Gyldig, udløber inden for 60 dage']![0]) > 0);
    assert.ok(Number(people['Ingen gyldig børneattest endnu']![0]) > 0);
    assert.deepEqual(tableOf(page.text, 'declarations')['Nordstrand Gymnastikforening (demo)'], ['Mangler']);
  });
});
