import assert from 'node:assert/strict';
import {
  areasShort,
  supplyAndDemand,
  type Area,
} from '../../../src/components/reporting/supply-demand-rules.js';
import { supplyMapOf } from '../../../src/components/reporting/supply-map-chart.js';

const AREAS: Area[] = [
  { postcode: '9440', name: 'Aabybro', lat: 57.16, lon: 9.77 },
  { postcode: '9460', name: 'Brovst', lat: 57.11, lon: 9.54 },
  { postcode: '9490', name: 'Pandrup', lat: 57.2, lon: 9.65 },
  { postcode: '9690', name: 'Fjerritslev', lat: 57.13, lon: 9.21 },
];
const offer = (postcode: string, freePlaces: number, category = 'sport', tags: string[] = []) => ({
  postcode,
  category,
  tags,
  places: freePlaces + 1,
  freePlaces,
});
const requests = (postcode: string, count: number, interests: string[] = []) =>
  [...Array(count)].map(() => ({ postcode, interests }));

describe('supply and demand per area', () => {
  it('when an area has more open requests than free places, then its gap is positive and it is short', () => {
    const report = supplyAndDemand(AREAS, [offer('9490', 2)], requests('9490', 6), ['sport']);
    const pandrup = report.areas.find((area) => area.postcode === '9490')!;
    assert.deepEqual(pandrup.requests, { text: '6', suppressed: false });
    assert.deepEqual(pandrup.gap, { text: '4', suppressed: false });
    assert.equal(pandrup.need, 'short');
    assert.deepEqual(
      areasShort(report.areas).map((area) => area.postcode),
      ['9490'],
    );
  });

  it('when free places cover the requests, then the gap is zero or negative and the area is covered', () => {
    const report = supplyAndDemand(AREAS, [offer('9490', 8)], requests('9490', 6), ['sport']);
    const pandrup = report.areas.find((area) => area.postcode === '9490')!;
    assert.equal(pandrup.gapValue, -2);
    assert.equal(pandrup.need, 'covered');
    assert.equal(report.areas.find((area) => area.postcode === '9440')!.need, 'no-demand');
  });

  it('when one area has fewer than 5 requests, then it and the smallest other area are held back, gap included', () => {
    const report = supplyAndDemand(
      AREAS,
      [offer('9460', 1)],
      [...requests('9460', 2), ...requests('9490', 9), ...requests('9690', 6)],
      ['sport'],
    );
    const byCode = new Map(report.areas.map((area) => [area.postcode, area]));
    assert.equal(byCode.get('9460')!.requests.text, '< 5');
    assert.equal(byCode.get('9460')!.gap.text, '< 5');
    assert.equal(byCode.get('9460')!.gapValue, undefined);
    assert.equal(byCode.get('9460')!.need, 'held-back');
    assert.equal(byCode.get('9690')!.need, 'held-back', 'the complementary area');
    assert.equal(byCode.get('9490')!.requests.text, '9');
    assert.equal(report.totals.requests.text, '17');
  });

  it('when requests come from outside the areas, then they count in the total and in a row of their own', () => {
    const report = supplyAndDemand(AREAS, [], [...requests('9490', 6), ...requests('2100', 7)], ['sport']);
    assert.equal(report.outside?.text, '7');
    assert.equal(report.totals.requests.text, '13');
  });

  it('when fewer than 5 requests are open in all, then every area and the total are held back', () => {
    const report = supplyAndDemand(AREAS, [offer('9490', 1)], requests('9490', 3), ['sport']);
    assert.ok(report.areas.every((area) => area.need === 'held-back' || area.requests.text === '< 5'));
    assert.equal(report.totals.requests.text, '< 5');
  });

  it('when requests name interests, then only those named by at least 5 are listed, with the offers that name them', () => {
    const report = supplyAndDemand(
      AREAS,
      [
        offer('9490', 2, 'sport', ['Fodbold']),
        offer('9460', 1, 'craft'),
        offer('9460', 3, 'outdoor', ['fiskeri']),
      ],
      [
        ...requests('9490', 5, ['fodbold', 'FODBOLD']),
        ...requests('9460', 2, ['skak']),
        ...requests('9460', 1, ['craft']),
      ],
      ['sport', 'craft', 'outdoor'],
    );
    assert.deepEqual(report.interests[0], {
      interest: 'fodbold',
      requests: { text: '5', suppressed: false },
      offers: 1,
      freePlaces: 2,
    });
    assert.equal(report.interests.length, 2);
    assert.equal(report.interests[1]!.interest, undefined);
    assert.equal(report.interests[1]!.requests.text, '< 5', 'three requests with rarer interests');
    assert.deepEqual(
      report.categories.map((row) => [row.category, row.offers, row.freePlaces]),
      [
        ['sport', 1, 2],
        ['craft', 1, 1],
        ['outdoor', 1, 3],
      ],
    );
  });
});

describe('the supply map', () => {
  const report = supplyAndDemand(
    AREAS,
    [offer('9460', 1), offer('9440', 9)],
    [...requests('9490', 12), ...requests('9460', 2), ...requests('9690', 5)],
    ['sport'],
  );
  const map = supplyMapOf(report.areas);

  it('when areas are placed, then west is left and north is up, all inside the drawing', () => {
    const at = new Map(map.points.map((point) => [point.postcode, point]));
    assert.ok(at.get('9690')!.x < at.get('9460')!.x, 'Fjerritslev lies west of Brovst');
    assert.ok(at.get('9490')!.y < at.get('9460')!.y, 'Pandrup lies north of Brovst');
    for (const point of map.points) {
      assert.ok(point.x - point.r >= 0 && point.x + point.r <= map.width, point.postcode);
      assert.ok(point.y - point.r >= 0 && point.y + point.r <= map.height, point.postcode);
    }
  });

  it('when areas differ in gap, then the circle grows with it, and a held-back area has a fixed size and no gap', () => {
    const at = new Map(map.points.map((point) => [point.postcode, point]));
    assert.equal(at.get('9490')!.need, 'short');
    assert.equal(at.get('9490')!.label, '9490 (+12)');
    assert.equal(at.get('9440')!.label, '9440 (-9)');
    assert.ok(at.get('9490')!.r > at.get('9440')!.r);
    assert.equal(at.get('9460')!.need, 'held-back');
    assert.equal(at.get('9460')!.label, '9460');
    assert.equal(at.get('9460')!.fill, 'url(#supply-held-back)');
    assert.equal(at.get('9690')!.r, at.get('9460')!.r);
  });

  it('when the legend is drawn, then every kind of area has an entry below the map', () => {
    assert.deepEqual(
      map.legend.map((entry) => entry.need),
      ['short', 'covered', 'no-demand', 'held-back'],
    );
    assert.ok(map.legend.every((entry) => entry.y < map.height));
    assert.ok(
      Math.min(...map.legend.map((entry) => entry.y)) > Math.max(...map.points.map((p) => p.y + p.r)),
    );
  });

  it('when there is a single area, then it sits in the middle', () => {
    const single = supplyMapOf(supplyAndDemand(AREAS.slice(0, 1), [], [], ['sport']).areas);
    assert.equal(single.points[0]!.x, single.width / 2);
  });
});
