import assert from 'node:assert/strict';
import { BAR_CHART_SIZE, barSlots, CHART_WIDTH, chartFrame } from '../../../src/shared/charts/index.js';

describe('the chart frame', () => {
  it('when a frame is made, then its plot area lies inside it and the labels stand below the axis', () => {
    const frame = chartFrame(BAR_CHART_SIZE);
    assert.equal(frame.width, CHART_WIDTH);
    assert.equal(frame.right - frame.left, frame.plotWidth);
    assert.equal(frame.plotBottom - frame.top, frame.plotHeight);
    assert.ok(frame.labelY > frame.plotBottom && frame.labelY < frame.height);
  });

  it('when bars are placed, then they are scaled to the largest value and an empty chart still has a scale', () => {
    const frame = chartFrame(BAR_CHART_SIZE);
    const slots = barSlots(frame, 4, [2, 8, 0, 4]);
    assert.equal(slots.max, 8);
    assert.equal(slots.heightOf(8), frame.plotHeight);
    assert.equal(slots.heightOf(4), Math.round(frame.plotHeight / 2));
    assert.equal(slots.labelX(0), Math.round(frame.left + frame.plotWidth / 8));
    assert.ok(slots.slotX(3, 0.9) < frame.right);
    assert.equal(barSlots(frame, 0, []).max, 1);
  });

  it('when there are more than eight bars, then every second one is labelled, so labels never collide', () => {
    const frame = chartFrame(BAR_CHART_SIZE);
    const twelve = barSlots(frame, 12, []);
    assert.deepEqual(
      [0, 1, 2, 3].map((index) => twelve.labelled(index)),
      [true, false, true, false],
    );
    assert.ok([0, 1, 2, 3, 4, 5, 6, 7].every((index) => barSlots(frame, 8, []).labelled(index)));
  });
});
