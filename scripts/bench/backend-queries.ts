/**
 * Times a few typical queries on each embedded FerretDB backend at the sizes a municipality reaches.
 * Usage: npx tsx scripts/bench/backend-queries.ts [sizes, default 10000,24000] [repeats, default 15]
 * Each backend gets a fresh temp data directory; the figures are medians in milliseconds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { startEmbeddedDatabase, type EmbeddedDatabaseKind } from '../../src/shared/db/index.js';

const sizes = (process.argv[2] ?? '10000,24000').split(',').map(Number);
const repeats = Number(process.argv[3] ?? 15);
const backends: EmbeddedDatabaseKind[] = ['ferretdb-sqlite', 'ferretdb-postgres'];
const TENANTS = 10;
const OWNERS = 200;
const STATUSES = ['waiting', 'active', 'closed', 'withdrawn'];

const queries: Record<string, (collection: Collection) => Promise<unknown>> = {
  'by _id': (c) => c.findOne({ _id: 'doc-77' as never }),
  'tenant+owner equality': (c) => c.find({ tenant: 't3', owner: 'o42' }).toArray(),
  'tenant + status $in': (c) => c.find({ tenant: 't3', status: { $in: ['waiting', 'active'] } }).toArray(),
  'count by tenant': (c) => c.countDocuments({ tenant: 't3' }),
  'newest 20 of tenant': (c) => c.find({ tenant: 't3' }).sort({ createdAt: -1 }).limit(20).toArray(),
  'whole collection': (c) => c.find({}).toArray(),
};

function documents(count: number): Document[] {
  return Array.from({ length: count }, (_, i) => ({
    _id: `doc-${i}`,
    tenant: `t${i % TENANTS}`,
    owner: `o${i % OWNERS}`,
    status: STATUSES[i % STATUSES.length],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    note: `a short note about case ${i}`,
  }));
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function benchBackend(kind: EmbeddedDatabaseKind): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brobygning-backend-bench-'));
  const started = performance.now();
  const database = await startEmbeddedDatabase({
    kind,
    dataDir,
    ferretdbBin: path.resolve('.cache/bin/ferretdb-launcher'),
  });
  const figures: Record<string, number> = { 'start (first, ms)': performance.now() - started };
  const client = new MongoClient(database.uri);
  try {
    await client.connect();
    const collection = client.db('bench').collection('cases');
    await collection.createIndex({ tenant: 1, owner: 1 });
    let inserted = 0;
    for (const size of sizes) {
      const insertStart = performance.now();
      const batch = documents(size).slice(inserted);
      for (let i = 0; i < batch.length; i += 1000) await collection.insertMany(batch.slice(i, i + 1000));
      inserted = size;
      figures[`${size}: insert up to (ms)`] = performance.now() - insertStart;
      for (const [name, query] of Object.entries(queries))
        figures[`${size}: ${name}`] = await median(() => query(collection));
    }
  } finally {
    await client.close();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return figures;
}

const results: Record<string, Record<string, number>> = {};
for (const kind of backends) results[kind] = await benchBackend(kind);
const rows = Object.keys(results[backends[0]!]!);
console.log(`medians of ${repeats} runs, ms; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
console.log(['query', ...backends].join(' | '));
for (const row of rows)
  console.log([row, ...backends.map((kind) => results[kind]![row]!.toFixed(1))].join(' | '));
