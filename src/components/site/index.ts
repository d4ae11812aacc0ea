import type { Component } from '../../shared/http/index.js';
import { siteRoutes } from './site-routes.js';

export function siteComponent(secureCookies: boolean): Component {
  return { name: 'site', router: siteRoutes(secureCookies) };
}
