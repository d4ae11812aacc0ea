import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { AppConfig } from './config/index.js';
import { auditRefusedAccess } from './components/accounts/index.js';
import { assemble, type Assembly } from './component-list.js';
import { isDatabaseConnected, pingDatabase, useReadModelLogger } from './shared/db/index.js';
import {
  csrfProtection,
  databaseGuard,
  errorHandler,
  healthRoutes,
  notFoundHandler,
  rejectMalformedPath,
  requestLogging,
  securityHeaders,
  type Component,
} from './shared/http/index.js';
import { languageMiddleware } from './shared/i18n/index.js';
import type { Logger } from './shared/logging/index.js';
import { configureMail, mailSettingsFor, type MailSettings } from './shared/mail/index.js';
import { sessionMiddleware } from './shared/session/index.js';
import { installViewEngine } from './shared/views/index.js';
import { wiringMiddleware, type Provision, type Wiring } from './shared/wiring/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  /** Set by server.ts during shutdown so /readyz turns 503 before the listener closes. */
  isShuttingDown?: () => boolean;
  /** Defaults to every component; tests may add one. */
  components?: Component[];
  /** Collaborators of this app only, connected after the components' own (tests pass their own checks). */
  provisions?: readonly Provision[];
  /** The app's parts when the caller assembled them already (server.ts shares them with the scheduler). */
  assembly?: Assembly;
  /** Defaults to the configured transport (SMTP, or files in MAIL_DIR). */
  mail?: MailSettings;
}

/** Builds the Express app without listening or connecting: server.ts and the tests both use it. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const production = config.env === 'production';
  const mail = deps.mail ?? mailSettingsFor(config, logger);
  configureMail(mail);
  useReadModelLogger(logger);
  const assembly =
    deps.assembly ?? assemble(config, mail, { components: deps.components, provisions: deps.provisions });
  const app = express();
  app.locals.wiring = assembly.wiring;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  installViewEngine(app, path.join(ROOT, 'views'), config.env !== 'development');

  app.use(requestLogging(logger));
  app.use(securityHeaders(production));
  // Mounted per folder so that page requests never touch the disk looking for a file.
  for (const folder of ['css', 'img', 'js']) {
    app.use(
      `/${folder}`,
      express.static(path.join(ROOT, 'public', folder), { index: false, maxAge: production ? '1d' : 0 }),
    );
  }
  app.use(
    healthRoutes({
      isShuttingDown: deps.isShuttingDown ?? (() => false),
      pingDatabase: () => pingDatabase(2000),
    }),
  );
  app.use(cookieParser());
  app.use(languageMiddleware);
  // After the language is known, so that the 400 page is in the visitor's language.
  app.use(rejectMalformedPath);
  // Flat form fields only (no nested objects, so no "email[$ne]=" operators); small bodies.
  app.use(express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 200 }));
  app.use(express.json({ limit: '32kb' }));
  app.use(databaseGuard(isDatabaseConnected));
  // Visitors without a session cookie cost nothing here: sessions start only when a form needs one.
  app.use(sessionMiddleware({ secret: config.sessionSecret, idleMs: config.sessionIdleMs, production }));
  app.use(csrfProtection);

  // Every component's route runs inside this app's wiring (placed after the body and session are read).
  app.use(wiringMiddleware(assembly.wiring));
  const components = assembly.components;
  for (const component of components) {
    if (component.middleware) app.use(component.middleware);
  }
  for (const component of components) {
    if (component.router) app.use(component.router);
  }

  app.use(notFoundHandler);
  app.use(errorHandler(logger, { auditRefusal: auditRefusedAccess }));
  return app;
}

/** The wiring an app was built with: a test runs a direct call inside it, as the app's requests run. */
export function wiringOf(app: Express): Wiring {
  return app.locals.wiring as Wiring;
}
