import autocannon from 'autocannon';
import type { BenchSettings } from './settings.js';

/** One target's numbers, as printed in the table and written to latest.json. */
export interface Measurement {
  label: string;
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** From every response's own time (autocannon's summary has no p95); only when asked for. */
  latencyP95Ms?: number;
  /** Answers by status code, when asked for (a 3xx is no error to autocannon, but may be one to us). */
  statuses?: Record<string, number>;
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

/** Per-run extras: a session cookie, a fixed number of requests for slow pages, each response's time. */
export interface LoadOptions {
  headers?: Record<string, string>;
  /** Send this many requests instead of loading for a duration (a slow page still gets enough answers). */
  amount?: number;
  /** Seconds to wait for one answer before counting a timeout (autocannon's default is 10). */
  timeoutSeconds?: number;
  onResponse?: (statusCode: number, responseTimeMs: number) => void;
}

function load(
  url: string,
  connections: number,
  duration: number,
  options: LoadOptions = {},
): Promise<autocannon.Result> {
  if (interrupted) return Promise.reject(new Error('interrupted'));
  return new Promise((resolve, reject) => {
    const settings = {
      url,
      connections,
      duration,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.amount ? { amount: options.amount } : {}),
      ...(options.timeoutSeconds ? { timeout: options.timeoutSeconds } : {}),
    };
    const instance = autocannon(settings, (error, result) => {
      active.delete(instance);
      if (interrupted) reject(new Error('interrupted'));
      else if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    if (options.onResponse) {
      const onResponse = options.onResponse;
      instance.on('response', (_client, statusCode, _bytes, responseTime) =>
        onResponse(statusCode, responseTime),
      );
    }
    active.add(instance);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Warms the target up (results discarded), then measures it. Targets are never loaded in parallel.
 * With `options`, also sends its headers, may send a fixed number of requests, and reports the p95 and
 * the answers by status from every response's own time.
 */
export async function measure(
  label: string,
  url: string,
  settings: BenchSettings,
  options?: Omit<LoadOptions, 'onResponse'>,
): Promise<Measurement> {
  assertLoopback(url);
  if (settings.warmupSeconds > 0) {
    await load(url, settings.connections, settings.warmupSeconds, { ...options, amount: undefined });
  }
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const onResponse = (statusCode: number, responseTimeMs: number) => {
    times.push(responseTimeMs);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  };
  const result = await load(url, settings.connections, settings.durationSeconds, {
    ...options,
    ...(options ? { onResponse } : {}),
  });
  times.sort((a, b) => a - b);
  return {
    ...(options ? { latencyP95Ms: percentile(times, 95), statuses } : {}),
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
