import { startChildServer, type ChildServer } from './child-server.js';

/** Starts the bare Express + handlebars baseline (bare-server.ts) in its own process. */
export function startBare(): Promise<ChildServer> {
  return startChildServer({
    name: 'bare server',
    entry: 'scripts/bench/bare-server.ts',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0' },
    banner: /bare server listening: (http:\/\/\S+)/,
    // Its only page: a 200 also proves the template renders before we measure it.
    readyPath: '/',
    startTimeoutMs: 30_000,
  });
}
