// npm run job -- <name>: runs one scheduled job once, now, against the configured database, exactly as the
// scheduler would (items claimed once, the run recorded with trigger "shell"). Without a name: the list.
import { assemble } from '../src/component-list.js';
import { ConfigError, loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/shared/db/index.js';
import { configureJobRuntime, runJob } from '../src/shared/jobs/index.js';
import { createLogger } from '../src/shared/logging/index.js';
import { configureMail, mailSettingsFor } from '../src/shared/mail/index.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const mail = mailSettingsFor(config, logger);
  configureMail(mail);
  // One component list for the indexes and the jobs; each job runs inside the app's wiring.
  const assembly = assemble(config, mail);
  const jobs = assembly.jobs;
  const name = process.argv[2];
  const job = jobs.find((candidate) => candidate.name === name);
  if (!job) {
    console.error(name ? `No job called "${name}".` : 'Which job? Usage: npm run job -- <name>');
    console.error(`Jobs:\n${jobs.map((known) => `  ${known.name}  (${known.schedule})`).join('\n')}`);
    return 2;
  }
  configureJobRuntime({ leaseMs: config.jobs.leaseMs, itemPauseMs: config.jobs.itemPauseMs });
  const database = await openDatabase(config, assembly.models, logger);
  const stop = new AbortController();
  // SIGTERM: no new item is started; the current one finishes or is handed back, and the run is recorded.
  process.once('SIGTERM', () => stop.abort());
  process.once('SIGINT', () => stop.abort());
  try {
    const summary = await runJob(job, { trigger: 'shell', signal: stop.signal });
    console.log(JSON.stringify(summary));
    return summary.failures > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `The job failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
