import { frontPage } from './front-page.js';
import { candidates } from './candidates.js';
import { marketplace } from './marketplace.js';
import { outcomes } from './outcomes.js';
import type { Scenario } from './types.js';

/** Every scenario, in the order they run. Add new ones (marketplace, ranking) here. */
export const scenarios: Scenario[] = [frontPage, marketplace, candidates, outcomes];

/** The scenarios named on the command line, or all of them; unknown names are an error. */
export function selectScenarios(names: string[]): Scenario[] {
  if (names.length === 0) return scenarios;
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    const known = scenarios.map((scenario) => scenario.name).join(', ');
    throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${known})`);
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}
