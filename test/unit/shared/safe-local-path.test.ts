import assert from 'node:assert/strict';
import { safeLocalPath } from '../../../src/shared/http/index.js';

describe('safeLocalPath', () => {
  const accepted: Array<[string, string]> = [
    ['/', '/'],
    ['/tilgaengelighed', '/tilgaengelighed'],
    ['/a/b?c=d&e=f#g', '/a/b?c=d&e=f#g'],
    ['/sti med mellemrum', '/sti%20med%20mellemrum'],
  ];
  for (const [input, expected] of accepted) {
    it(`when given the local path ${JSON.stringify(input)}, then it keeps it`, () => {
      assert.equal(safeLocalPath(input), expected);
    });
  }

  const rejected: unknown[] = [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'relative/path',
    '/ok\r\nSet-Cookie: x=y',
    '/tab\there',
    '',
    undefined,
    ['/', '/'],
    { toString: () => '/' },
    '/' + 'a'.repeat(3000),
  ];
  for (const input of rejected) {
    it(`when given ${JSON.stringify(input)?.slice(0, 40)}, then it falls back`, () => {
      assert.equal(safeLocalPath(input, '/fallback'), '/fallback');
    });
  }
});
