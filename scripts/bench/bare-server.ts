// The baseline: the least an Express 5 + handlebars server can do to serve a page like the front
// page. No helmet, no logging, no i18n, no database, templates cached. The front page is measured
// against it, so it is the ceiling, not a competitor. Runs in its own process (see start-bare.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { create } from 'express-handlebars';
import { bareContext } from './bare-content.js';

const viewsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare-views');
const engine = create({
  extname: '.hbs',
  defaultLayout: 'main',
  layoutsDir: path.join(viewsDir, 'layouts'),
  partialsDir: path.join(viewsDir, 'partials'),
});

const app = express();
app.engine('.hbs', engine.engine);
app.set('view engine', '.hbs');
app.set('views', viewsDir);
app.set('view cache', true);

app.get('/', (_req, res) => {
  res.render('home', bareContext);
});

// Loopback only, like everything the bench starts. PORT=0 picks a free port, announced below.
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`bare server listening: http://127.0.0.1:${port}/`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
