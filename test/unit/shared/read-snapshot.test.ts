import assert from 'node:assert/strict';
import { announceWrite, createReadSnapshot } from '../../../src/shared/db/read-snapshot.js';

function counter() {
  let loads = 0;
  return { load: async (key: string) => `${key}:${++loads}`, loads: () => loads };
}

describe('read snapshot', () => {
  it('when read twice within the fresh time, then it loads once', async () => {
    const source = counter();
    const snapshot = createReadSnapshot({ load: source.load, freshMs: 1000, maxKeys: 2 });
    assert.equal(await snapshot.get('a', 0), 'a:1');
    assert.equal(await snapshot.get('a', 10), 'a:1');
    assert.equal(source.loads(), 1);
  });

  it('when stale, then the old value serves while a fresh one loads in the background', async () => {
    const source = counter();
    const snapshot = createReadSnapshot({ load: source.load, freshMs: 1000, maxKeys: 2 });
    await snapshot.get('a');
    assert.equal(await snapshot.get('a', Date.now() + 5000), 'a:1');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await snapshot.get('a'), 'a:2');
  });

  it('when more keys than the bound are read, then the least recently used is forgotten', async () => {
    const source = counter();
    const snapshot = createReadSnapshot({ load: source.load, freshMs: 1000, maxKeys: 2 });
    await snapshot.get('a');
    await snapshot.get('b');
    await snapshot.get('a');
    await snapshot.get('c');
    assert.equal(await snapshot.get('a'), 'a:1');
    assert.equal(await snapshot.get('b'), 'b:4');
  });

  it('when this instance writes a topic, then a dropping snapshot reloads before answering', async () => {
    const source = counter();
    const snapshot = createReadSnapshot({
      load: source.load,
      freshMs: 60_000,
      maxKeys: 2,
      topics: ['t-drop'],
    });
    await snapshot.get('a');
    announceWrite('t-drop');
    assert.equal(await snapshot.get('a'), 'a:2');
  });

  it('when this instance writes a topic, then a refreshing snapshot answers once from the old value and reloads', async () => {
    const source = counter();
    const snapshot = createReadSnapshot({
      load: source.load,
      freshMs: 60_000,
      maxKeys: 2,
      topics: ['t-refresh'],
      onWrite: 'refresh',
    });
    await snapshot.get('a');
    announceWrite('t-refresh');
    assert.equal(await snapshot.get('a'), 'a:1');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await snapshot.get('a'), 'a:2');
  });

  it('when a load started before a write finishes after it, then its result is not kept', async () => {
    let release: (value: string) => void = () => undefined;
    let calls = 0;
    const snapshot = createReadSnapshot({
      load: () =>
        ++calls === 1 ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve('new'),
      freshMs: 60_000,
      maxKeys: 1,
      topics: ['t-race'],
    });
    const first = snapshot.get('a');
    announceWrite('t-race');
    release('old');
    assert.equal(await first, 'old');
    assert.equal(await snapshot.get('a'), 'new');
  });
});
