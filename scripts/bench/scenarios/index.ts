import { frontPage } from './front-page.js';
import { candidates } from './candidates.js';
import { marketplace } from './marketplace.js';
import { outcomes } from './outcomes.js';
import { pages } from './pages.js';
import type { Scenario } from './types.js';

/** Every scenario, in the order they run. Add new ones (marketplace, ranking) here. */
const scenarios: Scenario[] = [frontPage, marketplace, candidates, outcomes, pages];

/** The scenarios named on the command line, or all that run by default; unknown names are an error. */
export function selectScenarios(names: string[]): Scenario[] {
  // Named only: the pages scenario seeds its own municipality and fails the run on a missed target.
  if (names.length === 0) return scenarios.filter((scenario) => !scenario.onlyWhenNamed);
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    const known = scenarios.map((scenario) => scenario.name).join(', ');
    throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${known})`);
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}
