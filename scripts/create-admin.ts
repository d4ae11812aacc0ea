// npm run create-admin -- --email admin@kommune.dk --name "Anne Admin"
// Creates the first platform administrator (Brobygning has no default accounts). The password comes from
// ADMIN_PASSWORD or is asked for on the terminal without echo; it is never a command-line argument
// (those end up in shell history and process lists).
import { parseArgs } from 'node:util';
import { allModels } from '../src/component-list.js';
import { createPlatformAdmin } from '../src/components/accounts/index.js';
import { ConfigError, loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/shared/db/index.js';
import { AppError, ValidationError } from '../src/shared/errors/index.js';
import { translatorFor } from '../src/shared/i18n/index.js';
import { createLogger } from '../src/shared/logging/index.js';
import { readHiddenLine } from './read-hidden-line.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) {
    console.error(
      'Usage: npm run create-admin -- --email <e-mail> --name "<full name>"  (password: ADMIN_PASSWORD or prompt)',
    );
    return 2;
  }
  const password =
    process.env.ADMIN_PASSWORD ?? (await readHiddenLine('Password for the new platform administrator: '));
  const config = loadConfig();
  const database = await openDatabase(config, allModels(config), createLogger('warn'));
  try {
    await createPlatformAdmin({ email: values.email, name: values.name, password });
    console.log(
      `Platform administrator ${values.email} created. They log in at ${config.publicBaseUrl}/log-ind and set up two-step verification.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      const t = translatorFor('en');
      console.error(
        Object.values(error.fieldErrors)
          .map((key) => t(key))
          .join('\n'),
      );
      return 1;
    }
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `create-admin failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
