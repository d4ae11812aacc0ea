import assert from 'node:assert/strict';
import {
  announceWrite,
  createReadModel,
  forgetAllReadModels,
  readModelErrors,
} from '../../../src/shared/db/read-model.js';
import { provide, seam, wired, Wiring } from '../../../src/shared/wiring/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A source whose value is its version; every load takes `loadMs`. */
function source(loadMs = 0) {
  let version = 0;
  let loads = 0;
  return {
    write: () => ++version,
    load: async () => {
      loads++;
      const seen = version;
      if (loadMs) await sleep(loadMs);
      return seen;
    },
    loads: () => loads,
  };
}

let topicCount = 0;
const topic = () => `test-topic-${++topicCount}`;

describe('bounded read model', () => {
  it('when many readers arrive together, then one load serves them all', async () => {
    const data = source(20);
    const model = createReadModel({
      bound: 'marketplace',
      load: data.load,
      capacity: 2,
      topics: [],
      afterWrite: 'wait',
    });
    const values = await Promise.all(Array.from({ length: 10 }, () => model.get('a')));
    assert.deepEqual(new Set(values.map((loaded) => loaded.value)), new Set([0]));
    assert.equal(data.loads(), 1);
  });

  it('when a key has not been read for longer than the bound, then the next reader gets fresh data, not the old value', async () => {
    const data = source();
    const model = createReadModel({
      bound: 'marketplace',
      boundMs: 60,
      load: data.load,
      capacity: 2,
      topics: [],
      afterWrite: 'refresh',
    });
    assert.equal((await model.get('a')).value, 0);
    data.write();
    await sleep(200); // the key fell out of use: no timer keeps it
    const loaded = await model.get('a');
    assert.equal(loaded.value, 1);
    assert.ok(Date.now() - loaded.loadedAt.getTime() <= 60);
  });

  it('when a key is in use, then a timer refreshes it before its bound without any reader waiting', async () => {
    const data = source();
    const model = createReadModel({
      bound: 'marketplace',
      boundMs: 200,
      load: data.load,
      capacity: 2,
      topics: [],
      afterWrite: 'refresh',
    });
    await model.get('a');
    data.write();
    await sleep(180);
    assert.ok(data.loads() >= 2, 'the timer reloaded the key');
    const started = Date.now();
    assert.equal((await model.get('a')).value, 1);
    assert.ok(Date.now() - started < 20);
  });

  it('when writes come faster than loads take, then readers still get ever newer data within the bound', async () => {
    const data = source(40);
    const writes = topic();
    const model = createReadModel({
      bound: 'marketplace',
      boundMs: 150,
      load: data.load,
      capacity: 2,
      topics: [writes],
      afterWrite: 'refresh',
    });
    await model.get('a');
    const ages: number[] = [];
    for (let round = 0; round < 12; round++) {
      data.write();
      announceWrite(writes);
      const loaded = await model.get('a');
      ages.push(Date.now() - loaded.loadedAt.getTime());
      await sleep(20);
    }
    const last = await model.get('a');
    assert.ok(last.value >= 8, `readers saw version ${last.value} of 12`);
    assert.ok(Math.max(...ages) <= 150, `ages ${ages.join(', ')}`);
  });

  it('when this instance writes and the model waits after writes, then the next read shows the write', async () => {
    const data = source(10);
    const writes = topic();
    const model = createReadModel({
      bound: 'marketplace',
      load: data.load,
      capacity: 2,
      topics: [writes],
      afterWrite: 'wait',
    });
    assert.equal((await model.get('a')).value, 0);
    data.write();
    announceWrite(writes);
    assert.equal((await model.get('a')).value, 1);
  });

  it('when a write is scoped to one key, then only that key needs a newer load', async () => {
    const data = source();
    const writes = topic();
    const model = createReadModel({
      bound: 'marketplace',
      load: data.load,
      capacity: 4,
      topics: [writes],
      afterWrite: 'wait',
      keyOfScope: (scope) => scope,
    });
    await model.get('a');
    await model.get('b');
    data.write();
    announceWrite(writes, 'a');
    assert.equal((await model.get('a')).value, 1);
    assert.equal((await model.get('b')).value, 0);
  });

  it('when the load fails and the value is past its bound, then the reader gets a 503 and the error is counted', async () => {
    let fail = false;
    const model = createReadModel({
      bound: 'candidates',
      boundMs: 40,
      load: async () => {
        if (fail) throw new Error('database gone');
        return 'value';
      },
      capacity: 2,
      topics: [],
      afterWrite: 'refresh',
    });
    const before = readModelErrors().candidates ?? 0;
    assert.equal((await model.get('a')).value, 'value');
    fail = true;
    await sleep(120);
    await assert.rejects(model.get('a'), (error: { status?: number }) => error.status === 503);
    assert.ok((readModelErrors().candidates ?? 0) > before);
  });

  it('when more keys than its capacity are read, then the least recently used is loaded again', async () => {
    const data = source();
    const model = createReadModel({
      bound: 'marketplace',
      load: data.load,
      capacity: 2,
      topics: [],
      afterWrite: 'wait',
    });
    await model.get('a');
    await model.get('b');
    await model.get('c');
    assert.equal(data.loads(), 3);
    await model.get('a');
    assert.equal(data.loads(), 4);
  });

  it('when two apps read the same model, then each gets a value loaded through its own collaborators', async () => {
    const places = seam<() => number>('test.places');
    const writes = topic();
    let version = 0;
    const model = createReadModel({
      bound: 'marketplace',
      load: async () => `${wired(places)?.() ?? 'none'}@${version}`,
      capacity: 2,
      topics: [writes],
      afterWrite: 'wait',
    });
    const one = new Wiring([provide(places, () => 1)]);
    const two = new Wiring([provide(places, () => 2)]);
    const [first, second] = await Promise.all([one.run(() => model.get('a')), two.run(() => model.get('a'))]);
    assert.equal(first.value, '1@0');
    assert.equal(second.value, '2@0');
    version++;
    announceWrite(writes);
    assert.equal((await two.run(() => model.get('a'))).value, '2@1', 'a write reaches every app’s values');
    assert.equal((await one.run(() => model.get('a'))).value, '1@1');
  });

  it('when every read model is forgotten, then no refresh loads for the keys read before', async () => {
    const data = source();
    const model = createReadModel({
      bound: 'marketplace',
      boundMs: 40,
      load: data.load,
      capacity: 2,
      topics: [],
      afterWrite: 'refresh',
    });
    await model.get('a');
    forgetAllReadModels();
    const loadsWhenForgotten = data.loads();
    await sleep(200); // ten refresh periods: the key was in use, but nothing of it is kept
    assert.equal(data.loads(), loadsWhenForgotten);
    await model.get('a');
    assert.equal(data.loads(), loadsWhenForgotten + 1);
  });
});
