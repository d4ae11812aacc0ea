import assert from 'node:assert/strict';
import {
  boundingBox,
  distanceKm,
  fitsAge,
  freePlaces,
  isRunning,
  isValidWindow,
  minutesOf,
  weekdaysOf,
} from '../../../src/components/offers/offer-rules.js';

const pandrup = { lat: 57.20322545, lon: 9.65450533 };
const aabybro = { lat: 57.16282327, lon: 9.76743314 };
const copenhagen = { lat: 55.71082372, lon: 12.57369287 };

describe('offers: rules', () => {
  describe('distanceKm', () => {
    it('when both points are the same, then the distance is 0', () => {
      assert.equal(distanceKm(pandrup, pandrup), 0);
    });

    it('when measuring between Danish towns, then the haversine distance is right to within 1 %', () => {
      // Pandrup–Aabybro ≈ 8.15 km; Pandrup–Copenhagen (Østerbro) ≈ 244 km as the crow flies.
      assert.ok(Math.abs(distanceKm(pandrup, aabybro) - 8.15) < 0.08, String(distanceKm(pandrup, aabybro)));
      assert.ok(Math.abs(distanceKm(pandrup, copenhagen) - 244) < 2.4);
      assert.equal(distanceKm(pandrup, aabybro), distanceKm(aabybro, pandrup));
    });
  });

  describe('boundingBox', () => {
    it('when a point is within the distance, then it is inside the box (the box never loses a result)', () => {
      for (const km of [1, 8.3, 25, 200]) {
        const box = boundingBox(pandrup, km);
        for (let bearing = 0; bearing < 360; bearing += 15) {
          // A point just inside the circle, in every direction.
          const rad = (bearing * Math.PI) / 180;
          const point = {
            lat: pandrup.lat + ((km * 0.999) / 111.32) * Math.cos(rad),
            lon:
              pandrup.lon +
              ((km * 0.999) / (111.32 * Math.cos((pandrup.lat * Math.PI) / 180))) * Math.sin(rad),
          };
          if (distanceKm(pandrup, point) > km) continue;
          assert.ok(point.lat >= box.minLat && point.lat <= box.maxLat, `${km} km, ${bearing}°`);
          assert.ok(point.lon >= box.minLon && point.lon <= box.maxLon, `${km} km, ${bearing}°`);
        }
      }
    });

    it('when the distance is 10 km, then Aabybro (8.2 km) is inside and Copenhagen outside', () => {
      const box = boundingBox(pandrup, 10);
      const inside = (p: { lat: number; lon: number }) =>
        p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon;
      assert.ok(inside(aabybro));
      assert.ok(!inside(copenhagen));
    });
  });

  describe('time windows', () => {
    it('when times are clock times and "to" is after "from", then the window is valid', () => {
      assert.equal(minutesOf('16:30'), 990);
      assert.ok(isValidWindow({ weekday: 2, from: '16:00', to: '17:00' }));
      assert.ok(isValidWindow({ weekday: 7, from: '00:00', to: '23:59' }));
    });

    it('when the weekday, a time or the order is wrong, then the window is invalid', () => {
      for (const window of [
        { weekday: 0, from: '16:00', to: '17:00' },
        { weekday: 8, from: '16:00', to: '17:00' },
        { weekday: 2, from: '17:00', to: '16:00' },
        { weekday: 2, from: '16:00', to: '16:00' },
        { weekday: 2, from: '24:00', to: '24:30' },
        { weekday: 2, from: '9:00', to: '10:00' },
        { weekday: 2, from: '', to: '10:00' },
      ]) {
        assert.equal(isValidWindow(window), false, JSON.stringify(window));
      }
    });

    it('when a schedule has several windows, then its weekdays are distinct and in order', () => {
      assert.deepEqual(
        weekdaysOf([
          { weekday: 4, from: '16:00', to: '17:00' },
          { weekday: 2, from: '16:00', to: '17:00' },
          { weekday: 4, from: '18:00', to: '19:00' },
        ]),
        [2, 4],
      );
    });
  });

  describe('fitsAge', () => {
    it('when the age is within the range, both ends included, then the offer fits', () => {
      const offer = { ageMin: 7, ageMax: 10 };
      assert.deepEqual(
        [6, 7, 8, 10, 11].map((age) => fitsAge(offer, age)),
        [false, true, true, true, false],
      );
    });
  });

  describe('isRunning', () => {
    const now = new Date(2026, 5, 15, 14, 0);
    it('when active without an end date or ending today or later, then it runs', () => {
      assert.ok(isRunning({ status: 'active' }, now));
      assert.ok(isRunning({ status: 'active', endsOn: null }, now));
      assert.ok(isRunning({ status: 'active', endsOn: new Date(2026, 5, 15) }, now));
      assert.ok(isRunning({ status: 'active', endsOn: new Date(2026, 6, 1) }, now));
    });

    it('when paused or its end date has passed, then it does not run', () => {
      assert.equal(isRunning({ status: 'paused' }, now), false);
      assert.equal(isRunning({ status: 'active', endsOn: new Date(2026, 5, 14) }, now), false);
    });
  });

  describe('freePlaces', () => {
    it('when matches are active, then free places are places minus matches, never below 0', () => {
      assert.equal(freePlaces(2, 0), 2);
      assert.equal(freePlaces(2, 1), 1);
      assert.equal(freePlaces(2, 2), 0);
      assert.equal(freePlaces(2, 5), 0);
    });
  });
});
