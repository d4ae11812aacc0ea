import type { RequestHandler, Router } from 'express';

export type HttpMethod = 'get' | 'post';

export interface RouteEntry {
  method: HttpMethod;
  path: string;
  /** The policy action that guards this route ("public" for pages anyone may see). */
  action: string;
}

// Every route registers here with its policy action; the route × role matrix test walks this table
// and fails on any mounted route that is missing from it.
const routeTable: RouteEntry[] = [];

export function listRoutes(): readonly RouteEntry[] {
  return routeTable;
}

export function defineRoute(
  router: Router,
  entry: RouteEntry,
  guard: RequestHandler,
  ...handlers: RequestHandler[]
): void {
  if (!routeTable.some((r) => r.method === entry.method && r.path === entry.path)) routeTable.push(entry);
  router[entry.method](entry.path, guard, ...handlers);
}
