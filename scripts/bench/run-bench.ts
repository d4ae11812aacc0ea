// `npm run bench [-- scenario ...]`: starts the real app (and, when a scenario asks, the bare
// baseline), runs the scenarios one after another, prints a table and writes .cache/bench/latest.json.
// Exit code: 0 when every run was clean (even below target: most scenarios measure, they do not test);
// 1 when a server did not start, a run had errors or non-2xx answers, or a scenario that checks its
// targets (pages) missed one; 2 for bad arguments.
import path from 'node:path';
import type { ChildServer } from './child-server.js';
import { interruptLoad, measure } from './measure.js';
import { formatReport, LATEST_JSON, machineFacts, writeReport, type NamedResult } from './report.js';
import { selectScenarios } from './scenarios/index.js';
import type { Scenario, ScenarioContext } from './scenarios/types.js';
import { readSettings, type BenchSettings } from './settings.js';
import { startApp, type RunningApp } from './start-app.js';
import { startBare } from './start-bare.js';

function parseArguments(): { settings: BenchSettings; selected: Scenario[] } {
  try {
    return { settings: readSettings(), selected: selectScenarios(process.argv.slice(2)) };
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const { settings, selected } = parseArguments();
  const facts = machineFacts();
  const results: NamedResult[] = [];
  const failures: string[] = [];
  // Every server we start goes in here, so the finally block stops it whatever happened.
  const running: ChildServer[] = [];
  const stopAll = async () => {
    const exits = await Promise.all(running.splice(0).map(async (s) => [s.name, await s.stop()] as const));
    for (const [name, code] of exits) {
      if (code !== 0) console.error(`bench: ${name} exited with ${code ?? 'a signal'} on shutdown`);
    }
  };
  // Ctrl-C: stop the load; the scenario then fails with "interrupted" and the finally block below
  // stops the servers. Kept as a listener (not once) so a second Ctrl-C cannot orphan them.
  let interrupted = false;
  const onInterrupt = () => {
    if (!interrupted) console.error('bench: interrupted, stopping the servers…');
    interrupted = true;
    interruptLoad();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);

  console.log(
    `bench: ${selected.map((s) => s.name).join(', ')}; ${settings.connections} connections, ` +
      `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per target; ` +
      `${facts.cpus} CPUs, load ${facts.loadAverageBefore.toFixed(2)}`,
  );
  try {
    const startTracked = async () => {
      console.log('bench: starting Brobygning on a fresh embedded database…');
      const started = await startApp();
      running.push(started);
      return started;
    };
    let app: Promise<RunningApp> | undefined;
    let bare: Promise<ChildServer> | undefined;
    const context: ScenarioContext = {
      settings,
      app: () => (app ??= startTracked()),
      ownApp: startTracked,
      bare: () =>
        (bare ??= startBare().then((server) => {
          running.push(server);
          return server;
        })),
      measure: async (label, url) => {
        console.log(`bench: measuring ${label} (${url})…`);
        return measure(label, url, settings);
      },
    };
    for (const scenario of selected) {
      results.push({ scenario: scenario.name, ...(await scenario.run(context)) });
    }
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await stopAll();
  }

  for (const result of results) failures.push(...(result.targetFailures ?? []));
  for (const m of results.flatMap((r) => r.measurements)) {
    if (m.flagged)
      failures.push(`${m.label}: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx`);
  }
  const report = { finishedAt: new Date().toISOString(), ...facts, settings, scenarios: results, failures };
  console.log('\n' + formatReport(report) + '\n');
  await writeReport(report);
  console.log(`bench: results in ${path.relative(process.cwd(), LATEST_JSON) || LATEST_JSON}`);
  return interrupted ? 130 : failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
