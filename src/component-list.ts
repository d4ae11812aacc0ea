import type { AppConfig } from './config/index.js';
import { municipalitiesComponent } from './components/municipalities/index.js';
import { organisationsComponent } from './components/organisations/index.js';
import { siteComponent } from './components/site/index.js';
import type { Component } from './shared/http/index.js';

/** Every component, in mounting order. Their models are the ones whose indexes start-up creates. */
export function defaultComponents(config: AppConfig): Component[] {
  return [siteComponent(config.env === 'production'), municipalitiesComponent, organisationsComponent];
}

export function allModels(config: AppConfig) {
  return defaultComponents(config).flatMap((component) => component.models ?? []);
}
