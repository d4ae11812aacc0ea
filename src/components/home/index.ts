import type { Component, HomeItemsProvider } from '../../shared/http/index.js';
import { homeRoutes } from './home-routes.js';

export { firstStepFor, arrangeHomeItems, isQuietHome } from './home-rules.js';

/**
 * Each person's home page (/overblik). It sits on top of every other component and is given their item
 * providers, so a new capability joins the home by setting `homeItems` on its own Component.
 */
export function homeComponent(providers: readonly HomeItemsProvider[]): Component {
  return { name: 'home', router: homeRoutes(providers) };
}
