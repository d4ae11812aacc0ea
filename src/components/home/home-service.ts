import { isRole } from '../accounts/index.js';
import type { HomeActor, HomeItemsProvider } from '../../shared/http/index.js';
import { arrangeHomeItems, firstStepFor, isQuietHome } from './home-rules.js';

/** The active role's home: every component's items for it, arranged, and the first step when all is quiet. */
export async function homeFor(actor: HomeActor, providers: readonly HomeItemsProvider[]) {
  const lists = await Promise.all(providers.map((provider) => provider(actor)));
  const items = lists.flat();
  return {
    ...arrangeHomeItems(items),
    quiet: isQuietHome(items),
    firstStep: firstStepFor(actor.role),
    roleKey: isRole(actor.role) ? `accounts.roles.${actor.role}` : 'home.noRole',
  };
}
