import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  checkWindowRows,
  clearWindowValues,
  takeWindows,
  windowFields,
  windowRows,
  WINDOW_ROWS,
  windowValues,
} from '../../../src/shared/window-fields/index.js';

const form = z
  .strictObject({ name: z.string().optional(), ...windowFields })
  .superRefine((value, context) => {
    if (checkWindowRows(value, context, 'window') === 0)
      context.addIssue({ code: 'custom', path: ['weekday1'], message: 'required' });
  })
  .transform((value) => {
    const { windows, rest } = takeWindows(value);
    return { ...rest, windows };
  });

const issues = (input: unknown) => {
  const parsed = form.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('the weekday rows of a form', () => {
  it('when rows are filled in, then the rows with a weekday become windows in row order, the rest stays', () => {
    const parsed = form.parse({
      name: 'Anna',
      weekday3: '5',
      from3: '16:00',
      to3: '18:00',
      weekday1: '2',
      from1: ' 09:00 ',
      to1: '10:30',
    });
    assert.deepEqual(parsed, {
      name: 'Anna',
      windows: [
        { weekday: 2, from: '09:00', to: '10:30' },
        { weekday: 5, from: '16:00', to: '18:00' },
      ],
    });
  });

  it('when a row is half-filled or ends before it starts, then the message stands on that row only', () => {
    assert.deepEqual(issues({ weekday1: '1', from1: '10:00', to1: '11:00', from2: '10:00' }), [
      ['weekday2', 'window'],
    ]);
    assert.deepEqual(issues({ weekday3: '1', from3: '12:00', to3: '10:00' }), [['weekday3', 'window']]);
    assert.deepEqual(issues({ weekday1: '8', from1: '10:00', to1: '11:00' }), [['weekday1', 'window']]);
  });

  it('when no row is filled in, then the form can ask for one', () => {
    assert.deepEqual(issues({}), [['weekday1', 'required']]);
  });

  it('when a row field is not one short text, then it is refused as invalid, and a fourth row is unknown', () => {
    assert.deepEqual(issues({ weekday1: ['1', '2'] }).at(0), ['weekday1', 'forms.errors.invalid']);
    assert.deepEqual(issues({ weekday1: '1', from1: '10:00:00', to1: '11:00' }).at(0), [
      'from1',
      'forms.errors.invalid',
    ]);
    assert.equal(form.safeParse({ weekday4: '1', from4: '10:00', to4: '11:00' }).success, false);
  });

  it('when the form is shown, then it has one row per possible window with the weekday marked', () => {
    const rows = windowRows({ weekday2: '3' });
    assert.equal(rows.length, WINDOW_ROWS);
    assert.deepEqual(
      rows.map((row) => [row.weekdayField, row.fromField, row.toField]),
      [
        ['weekday1', 'from1', 'to1'],
        ['weekday2', 'from2', 'to2'],
        ['weekday3', 'from3', 'to3'],
      ],
    );
    assert.deepEqual(
      rows.map((row) => row.weekdays.filter((day) => day.selected).map((day) => day.weekday)),
      [[], [3], []],
    );
    assert.equal(rows[0]!.weekdays.length, 7);
  });

  it('when stored windows are edited, then they fill the rows in order, as many as there are rows', () => {
    const windows = [1, 2, 3, 4].map((weekday) => ({ weekday, from: '10:00', to: '11:00' }));
    const values = windowValues(windows);
    assert.deepEqual(Object.keys(values).length, WINDOW_ROWS * 3);
    assert.equal(values.weekday3, '3');
    assert.equal(values.from1, '10:00');
    const withName = { name: 'Anna', ...values };
    clearWindowValues(withName);
    assert.deepEqual(withName, { name: 'Anna' });
  });
});
