import { Router } from 'express';
import { authorize, currentActor, currentUser } from '../accounts/index.js';
import { defineRoute, type HomeItemsProvider } from '../../shared/http/index.js';
import { homeFor } from './home-service.js';

/** Where login, the logo and switching role lead: what needs the person now, in the active role. */
export function homeRoutes(providers: readonly HomeItemsProvider[]): Router {
  const router = Router();
  defineRoute(
    router,
    { method: 'get', path: '/overblik', action: 'home:view' },
    authorize('home:view'),
    async (req, res) => {
      // Someone whose every role was taken away still has an account: their home is its first step.
      const actor = currentActor(req) ?? { userId: currentUser(req)!.id, role: 'none' };
      res.render('home/overview', { titleKey: 'home.title', ...(await homeFor(actor, providers)) });
    },
  );
  return router;
}
