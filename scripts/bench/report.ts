import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child-server.js';
import type { Measurement } from './measure.js';
import type { ScenarioResult } from './scenarios/types.js';
import type { BenchSettings } from './settings.js';

export interface NamedResult extends ScenarioResult {
  scenario: string;
}

export interface BenchReport {
  finishedAt: string;
  node: string;
  cpus: number;
  /** 1-minute load average before the run: a busy machine explains noisy numbers. */
  loadAverageBefore: number;
  settings: BenchSettings;
  scenarios: NamedResult[];
  /** Why the run failed (servers not starting, runs with errors); empty when it did not. */
  failures: string[];
}

export const LATEST_JSON = path.join(REPO_ROOT, '.cache/bench/latest.json');

const COLUMNS: { title: string; cell(m: Measurement): string }[] = [
  { title: 'target', cell: (m) => m.label },
  { title: 'req/s', cell: (m) => m.requestsPerSecond.toFixed(0) },
  { title: 'p50 ms', cell: (m) => m.latencyP50Ms.toFixed(1) },
  { title: 'p99 ms', cell: (m) => m.latencyP99Ms.toFixed(1) },
  { title: 'requests', cell: (m) => String(m.requests) },
  { title: 'non-2xx', cell: (m) => String(m.non2xx) },
  // autocannon's errors already include timeouts.
  { title: 'errors', cell: (m) => String(m.errors) },
  { title: '', cell: (m) => (m.flagged ? '<< FLAGGED: errors or non-2xx' : '') },
];

/** A plain-text table, one row per measurement, then each scenario's ratios, notes and warnings. */
export function formatReport(report: BenchReport): string {
  const rows = report.scenarios.flatMap((result) => result.measurements);
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((m) => COLUMNS.map((c) => c.cell(m)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const lines = cells.map((row) =>
    row
      // Text left-aligned, numbers right-aligned.
      .map((cell, i) =>
        i === 0 || i === COLUMNS.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, '-'.repeat(lines[0].length));
  if (rows.length === 0) lines.splice(0, lines.length, '(no measurements)');

  for (const result of report.scenarios) {
    for (const c of result.comparisons) {
      const verdict = c.meetsTarget ? 'OK' : 'BELOW TARGET';
      lines.push(
        `${c.label}: ${c.ratio.toFixed(2)} of throughput (target ≥ ${c.target.toFixed(2)}): ${verdict}`,
      );
    }
    lines.push(...(result.lines ?? []));
    for (const note of result.notes) lines.push(`  ${result.scenario}: ${note}`);
    for (const warning of result.warnings) lines.push(`  WARNING (${result.scenario}): ${warning}`);
  }
  for (const failure of report.failures) lines.push(`FAILED: ${failure}`);
  return lines.join('\n');
}

export async function writeReport(report: BenchReport): Promise<void> {
  await mkdir(path.dirname(LATEST_JSON), { recursive: true });
  await writeFile(LATEST_JSON, JSON.stringify(report, null, 2) + '\n');
}

export function machineFacts(): Pick<BenchReport, 'node' | 'cpus' | 'loadAverageBefore'> {
  return { node: process.version, cpus: os.cpus().length, loadAverageBefore: os.loadavg()[0] };
}
