import path from 'node:path';
import type { Express } from 'express';
import { create } from 'express-handlebars';
import { concatHelper } from './helpers/concat-helper.js';
import { anyNamedHelper, eqHelper, orHelper } from './helpers/logic-helpers.js';
import { firstOfHelper } from './helpers/first-of-helper.js';
import { formatDateHelper, formatDateTimeHelper, formatNumberHelper } from './helpers/format-helpers.js';
import { tHelper } from './helpers/t-helper.js';

export function installViewEngine(app: Express, viewsDir: string, cacheTemplates: boolean): void {
  const engine = create({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: path.join(viewsDir, 'layouts'),
    partialsDir: path.join(viewsDir, 'partials'),
    helpers: {
      t: tHelper,
      formatDate: formatDateHelper,
      formatNumber: formatNumberHelper,
      concat: concatHelper,
      eq: eqHelper,
      or: orHelper,
      anyNamed: anyNamedHelper,
      firstOf: firstOfHelper,
      formatDateTime: formatDateTimeHelper,
    },
    // Views get plain objects only; prototype access stays off (Handlebars' default).
    runtimeOptions: { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  });
  app.engine('.hbs', engine.engine);
  app.set('view engine', '.hbs');
  app.set('views', viewsDir);
  app.set('view cache', cacheTemplates);
}
