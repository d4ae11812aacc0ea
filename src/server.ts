import { createServer } from 'node:http';
import { createApp } from './app.js';
import { assemble } from './component-list.js';
import { ConfigError, loadConfig, type AppConfig } from './config/index.js';
import { DEMO_LOGINS } from './demo/demo-content.js';
import { seedDemo } from './demo/seed-demo.js';
import { removeChildValuesFromAuditLog } from './shared/audit/index.js';
import {
  disconnectDatabase,
  openDatabase,
  type EmbeddedDatabase,
  type OpenDatabase,
} from './shared/db/index.js';
import { configureJobRuntime, createScheduler } from './shared/jobs/index.js';
import { configureMail, deliveryIdle, mailSettingsFor } from './shared/mail/index.js';
import { listen, shutDownGracefully, trackInFlightRequests } from './shared/lifecycle/index.js';
import { createLogger } from './shared/logging/index.js';

// The only module with side effects: config → database → app → listen → scheduler → shutdown.
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel);
  let database: OpenDatabase | undefined;
  const mail = mailSettingsFor(config, logger);
  // Built once: the database's indexes, the demo, the app and the scheduler share one component list.
  const assembly = assemble(config, mail);
  try {
    database = await openDatabase(config, assembly.models, logger);
    // Before anything is served: a newly started version leaves no entry of the log holding a child's
    // values from before. Repeatable (a clean log is read and left alone), so every start runs it.
    const cleaned = await removeChildValuesFromAuditLog();
    if (cleaned.examined > 0) logger.info(cleaned, 'audit log: child values removed from old entries');
    // Demo seeding goes through the real services, some of which send notices (stored in the outbox).
    configureMail(mail);
    if (config.seedDemo) {
      const summary = await assembly.wiring.run(() => seedDemo());
      logger.info(summary, 'demo content in place');
    }
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    console.error(`\nBrobygning could not start: ${(error as Error).message}\n`);
    await database?.close();
    process.exit(1);
  }
  const embedded = database.embedded;

  let shuttingDown = false;
  const app = createApp({ config, logger, mail, assembly, isShuttingDown: () => shuttingDown });
  const server = createServer();
  const requests = trackInFlightRequests(server);
  server.on('request', app);
  // Listen before the scheduler starts: a busy port stops start-up with nothing else running.
  let port: number;
  try {
    port = (await listen(server, config.host, config.port)).port;
  } catch (error) {
    logger.fatal({ err: error }, 'could not listen');
    console.error(`\nBrobygning could not start: ${(error as Error).message}\n`);
    await database.close();
    logger.info('database closed');
    process.exit(1);
  }

  configureJobRuntime({ leaseMs: config.jobs.leaseMs, itemPauseMs: config.jobs.itemPauseMs });
  const scheduler = createScheduler([...assembly.jobs], logger, {
    scheduleOverride: config.jobs.scheduleOverride,
    only: config.jobs.only,
  });
  scheduler.start();
  logger.info({ jobs: scheduler.jobNames.length }, 'scheduler started');
  printBanner(config, port, embedded);

  const onSignal = async (signal: string) => {
    if (shuttingDown) {
      // npm and a terminal may deliver one Ctrl-C twice; the stop under way already answers everything.
      logger.info({ signal }, 'already shutting down');
      return;
    }
    logger.info({ signal }, 'shutting down');
    try {
      const clean = await shutDownGracefully({
        server,
        requests,
        timeoutMs: config.shutdownTimeoutMs,
        logger,
        onShuttingDown: () => {
          shuttingDown = true;
        },
        steps: [
          { name: 'scheduler', run: () => scheduler.stop() },
          { name: 'mail delivery', run: () => deliveryIdle() },
          { name: 'database connection', run: () => disconnectDatabase() },
          { name: 'embedded database', run: async () => embedded?.stop() },
        ],
      });
      logger.info({ clean }, 'stopped');
      process.exit(0);
    } catch (error) {
      // The stop itself failed: exit anyway rather than linger half stopped.
      logger.fatal({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

function readConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Brobygning cannot start.\n${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

function printBanner(config: AppConfig, port: number, embedded: EmbeddedDatabase | undefined): void {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const lines = [
    '',
    `  Brobygning is running: http://${host}:${port}/`,
    embedded
      ? `  Database: embedded ${embedded.kind} at ${embedded.uri} (data in ${config.dataDir})`
      : '  Database: MONGODB_URI',
  ];
  if (config.seedDemo && DEMO_LOGINS.length > 0) {
    lines.push('  Demo logins:');
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role}: ${login.email} / ${login.password}`);
  }
  console.log(lines.join('\n') + '\n');
}

void main();
