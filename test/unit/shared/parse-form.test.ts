import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseForm } from '../../../src/shared/http/index.js';

const schema = z.strictObject({
  name: z.string().min(3, 'too short'),
  postcode: z.string(),
  password: z.string().optional(),
  code: z.string().optional(),
});

describe('parseForm', () => {
  it('when a form has errors, then what was typed comes back, except passwords and one-time codes', () => {
    const result = parseForm(schema, { name: 'Al', postcode: '9490', password: 'hemmelig', code: '123456' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.fieldErrors, { name: 'too short' });
    assert.deepEqual(result.values, { name: 'Al', postcode: '9490' });
  });

  it('when a form carries an unknown field, then it is a 400, not a field message', () => {
    assert.throws(() => parseForm(schema, { name: 'Alma', postcode: '9490', role: 'admin' }), {
      code: 'BAD_REQUEST',
    });
  });
});
