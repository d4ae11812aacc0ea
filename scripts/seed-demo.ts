// npm run seed: puts the demo content into the configured database (embedded unless MONGODB_URI is set).
// The server does the same on start-up in development; this is for a database you started otherwise.
import { assemble } from '../src/component-list.js';
import { ConfigError, loadConfig } from '../src/config/index.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { openDatabase } from '../src/shared/db/index.js';
import { configureMail, mailSettingsFor } from '../src/shared/mail/index.js';
import { createLogger } from '../src/shared/logging/index.js';

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('Refusing to seed demo content into a production database.');
    return 1;
  }
  const logger = createLogger('warn');
  const mail = mailSettingsFor(config, logger);
  const assembly = assemble(config, mail);
  const database = await openDatabase(config, assembly.models, logger);
  // Seeding uses the real services, inside the app's wiring; their notices are stored in the outbox for
  // the server to deliver.
  configureMail(mail);
  try {
    const summary = await assembly.wiring.run(() => seedDemo());
    console.log(`Demo content in place: ${JSON.stringify(summary)}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
