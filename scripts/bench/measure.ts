import autocannon from 'autocannon';
import type { BenchSettings } from './settings.js';

/** One target's numbers, as printed in the table and written to latest.json. */
export interface Measurement {
  label: string;
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** True when the run saw errors, timeouts or non-2xx answers: its throughput means nothing. */
  flagged: boolean;
}

// Load only ever goes to this machine's loopback address. Checked here, at the one place that
// sends traffic, so no scenario can point autocannon elsewhere by mistake.
export function assertLoopback(url: string): void {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' || hostname !== '127.0.0.1') {
    throw new Error(`refusing to load ${url}: the bench only targets http://127.0.0.1`);
  }
}

// The runs in flight, so an interrupt (Ctrl-C) can stop the load before stopping the servers:
// otherwise the app's graceful shutdown would wait for autocannon's busy connections.
const active = new Set<autocannon.Instance>();
let interrupted = false;

/** Stops any run in flight and makes every later measure() call fail at once. */
export function interruptLoad(): void {
  interrupted = true;
  for (const instance of active) instance.stop();
}

function load(url: string, connections: number, duration: number): Promise<autocannon.Result> {
  if (interrupted) return Promise.reject(new Error('interrupted'));
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration }, (error, result) => {
      active.delete(instance);
      if (interrupted) reject(new Error('interrupted'));
      else if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    active.add(instance);
  });
}

/** Warms the target up (results discarded), then measures it. Targets are never loaded in parallel. */
export async function measure(label: string, url: string, settings: BenchSettings): Promise<Measurement> {
  assertLoopback(url);
  if (settings.warmupSeconds > 0) {
    await load(url, settings.connections, settings.warmupSeconds);
  }
  const result = await load(url, settings.connections, settings.durationSeconds);
  return {
    label,
    url,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    flagged: result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || result.requests.total === 0,
  };
}
