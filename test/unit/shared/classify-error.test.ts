import assert from 'node:assert/strict';
import { classifyError, NotFoundError, ValidationError } from '../../../src/shared/errors/index.js';

function namedError(name: string): Error {
  const error = new Error('boom');
  error.name = name;
  return error;
}

describe('classifyError', () => {
  it('when given an AppError, then it keeps its code and status', () => {
    const error = new ValidationError({ email: 'errors.required' });
    assert.equal(classifyError(error), error);
    assert.equal(classifyError(new NotFoundError())?.status, 404);
  });

  for (const name of ['MongoServerSelectionError', 'MongooseServerSelectionError', 'MongoNetworkError']) {
    it(`when the driver throws ${name}, then it is a 503 DB_UNAVAILABLE`, () => {
      const classified = classifyError(namedError(name));
      assert.equal(classified?.code, 'DB_UNAVAILABLE');
      assert.equal(classified?.status, 503);
    });
  }

  it('when a body is too large, then it is a 413', () => {
    assert.equal(
      classifyError(Object.assign(new Error('x'), { status: 413, type: 'entity.too.large' }))?.status,
      413,
    );
  });

  it('when a body is malformed, then it is a 400', () => {
    assert.equal(
      classifyError(Object.assign(new Error('x'), { status: 400, type: 'entity.parse.failed' }))?.code,
      'BAD_REQUEST',
    );
  });

  it('when the error is unexpected, then it is left for a 500', () => {
    assert.equal(classifyError(new TypeError('undefined is not a function')), undefined);
    assert.equal(classifyError('a string'), undefined);
  });
});
