import assert from 'node:assert/strict';
import { worryHandlingSchema } from '../../../src/components/followups/followup-schemas.js';
import { isUnhandledWorry } from '../../../src/components/followups/worry-rules.js';

describe('worry rules', () => {
  const raised = new Date('2026-03-01T10:00:00Z');

  it('when a worry is raised and nothing is recorded, then it is unhandled; read alone does not change that', () => {
    assert.equal(isUnhandledWorry({ worryRaisedAt: raised }), true);
    assert.equal(isUnhandledWorry({ worryRaisedAt: raised, worryHandledAt: null }), true);
  });

  it('when what was done is recorded, or there was no worry, then nothing is waiting', () => {
    assert.equal(isUnhandledWorry({ worryRaisedAt: raised, worryHandledAt: new Date() }), false);
    assert.equal(isUnhandledWorry({}), false);
  });

  it('when the handling form is posted, then one box is a list, none is a message, unknown choices and long notes are refused', () => {
    assert.deepEqual(worryHandlingSchema.parse({ actions: 'other', note: ' Ringede. ' }), {
      actions: ['other'],
      note: 'Ringede.',
    });
    assert.deepEqual(worryHandlingSchema.parse({ actions: ['no-action', 'no-action'] }).actions, [
      'no-action',
    ]);
    const none = worryHandlingSchema.safeParse({ note: 'x' });
    assert.equal(none.success, false);
    assert.equal(none.error?.issues[0]?.message, 'worry.handle.pickAction');
    assert.equal(worryHandlingSchema.safeParse({ actions: 'call-police' }).success, false);
    assert.equal(worryHandlingSchema.safeParse({ actions: 'other', note: 'x'.repeat(501) }).success, false);
  });
});
