// Run-wide knobs, read once from the environment. Bounded on purpose: the bench only ever runs
// short, local loads, so a typo like BENCH_DURATION=600 should fail loudly rather than run for ages.

export interface BenchSettings {
  /** Seconds of load whose numbers are reported, per target. */
  durationSeconds: number;
  /** Seconds of load whose numbers are thrown away: lets V8 optimise and caches fill first. */
  warmupSeconds: number;
  /** Concurrent keep-alive connections autocannon holds open. */
  connections: number;
}

function boundedInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

export function readSettings(): BenchSettings {
  return {
    durationSeconds: boundedInt('BENCH_DURATION', 10, 1, 120),
    warmupSeconds: boundedInt('BENCH_WARMUP', 2, 0, 30),
    connections: boundedInt('BENCH_CONNECTIONS', 10, 1, 200),
  };
}
