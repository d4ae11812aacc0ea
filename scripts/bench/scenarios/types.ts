import type { ChildServer } from '../child-server.js';
import type { Measurement } from '../measure.js';
import type { BenchSettings } from '../settings.js';
import type { RunningApp } from '../start-app.js';

/** What a scenario gets: the apps and the baseline on demand, and the one way to load a URL. */
export interface ScenarioContext {
  settings: BenchSettings;
  /** The real app on its embedded database, demo content seeded; started on first call, shared by all scenarios. */
  app(): Promise<RunningApp>;
  /** A real app of the scenario's own on a fresh database (demo content seeded), stopped at the end of the run. */
  ownApp(): Promise<RunningApp>;
  /** The bare Express + handlebars baseline, started on first call (later scenarios may not need it). */
  bare(): Promise<ChildServer>;
  /** Warm-up then measured run against a loopback URL; targets always run one after another. */
  measure(label: string, url: string): Promise<Measurement>;
}

/** A throughput ratio between two measurements, checked against a minimum. */
export interface Comparison {
  label: string;
  ratio: number;
  /** The lowest acceptable ratio (e.g. 0.6 for "≥ 60 % of the bare server"). */
  target: number;
  meetsTarget: boolean;
}

export interface ScenarioResult {
  measurements: Measurement[];
  comparisons: Comparison[];
  /** Facts worth printing next to the numbers (page sizes, data volume). */
  notes: string[];
  /** Things that make the numbers doubtful without being errors; printed prominently. */
  warnings: string[];
  /** Printed as they are, before the notes: a scenario's own table. */
  lines?: string[];
  /** Missed targets: a scenario that checks its targets fails the run with these. */
  targetFailures?: string[];
  /** The scenario's own figures, written to latest.json as they are. */
  details?: unknown;
}

/** One benchmark scenario: a small module in scenarios/, registered in scenarios/index.ts. */
export interface Scenario {
  /** Used on the command line: `npm run bench -- front-page`. */
  name: string;
  summary: string;
  /** Left out of a run that names no scenario. */
  onlyWhenNamed?: boolean;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

/** subject's requests/s as a share of base's. */
export function throughputRatio(
  label: string,
  subject: Measurement,
  base: Measurement,
  target: number,
): Comparison {
  const ratio = base.requestsPerSecond > 0 ? subject.requestsPerSecond / base.requestsPerSecond : 0;
  return { label, ratio, target, meetsTarget: ratio >= target };
}
