import assert from 'node:assert/strict';
import { spawnServer } from '../../helpers/server-process.js';

describe('start-up with bad configuration (real server process)', function () {
  this.timeout(30_000);

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['MONGODB_URI', 'http://not-mongo'],
  ]) {
    it(`when ${variable}=${value}, then start-up stops with a message naming ${variable} and a non-zero exit`, async () => {
      const server = spawnServer({ [variable]: value, PORT: variable === 'PORT' ? value : '0' });
      const code = await server.exited;
      assert.notEqual(code, 0);
      assert.match(server.output(), new RegExp(`${variable}: `));
      assert.doesNotMatch(server.output(), /^\s+at /m, 'no stack trace');
    });
  }
});
