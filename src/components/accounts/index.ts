import { Router, type RequestHandler } from 'express';
import type { AppConfig } from '../../config/index.js';
import { exposeFlash, type Component } from '../../shared/http/index.js';
import { accountDeletingSignal, invitationAcceptedSignal } from './account-events.js';
import { accountRoutes } from './account-routes.js';
import { accountsJobs } from './accounts-jobs.js';
import { authRoutes } from './auth-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { OneTimeTokenModel, TokenUseModel } from './one-time-token-model.js';
import { configurePassport } from './passport-setup.js';
import { contextFor, type AccountsSettings } from './route-helpers.js';
import { secondFactorRoutes } from './second-factor-routes.js';
import { sessionGuards } from './session-guards.js';
import { staffRoutes } from './staff-routes.js';
import { UserModel } from './user-model.js';
import { accountsHomeItems } from './accounts-home.js';

export { authorize, currentActor, currentUser } from './authorize.js';
export { auditRefusedAccess } from './refused-access.js';
export { can, POLICY, isAction, type Action } from './policy.js';
export {
  ROLES,
  MUNICIPAL_STAFF_ROLES,
  isRole,
  type Actor,
  type Role,
  type MunicipalStaffRole,
} from './roles.js';
export { invite } from './invitation-service.js';
export { grantRole, revokeRole, coordinatorsOf, socialWorkersOf } from './role-grant-service.js';
export {
  deleteOwnAccount,
  removeInactiveAccount,
  inactiveVolunteers,
  DELETED_NAME,
} from './account-deletion-service.js';
export { refreshSessionEpoch, completeLogin, HOME_PATH } from './complete-login.js';
export { externalSignInSeam, type SignInChoice } from './external-sign-in.js';
export { signInFromProvider, withdrawProviderRoles } from './provider-account-service.js';
export { loginRateLimit } from './login-rate-limit.js';
export {
  invitationAcceptedSignal,
  accountDeletingSignal,
  type AcceptedInvitation,
} from './account-events.js';
export { describePeople, type PersonSummary } from './user-service.js';
export { staffContacts, type StaffContact } from './staff-contact.js';
export { contextFor, renderForm, withFieldErrors, type AccountsSettings } from './route-helpers.js';
export type { RequestContext } from './request-context.js';
export type { SessionUser } from './actor.js';
export { createPlatformAdmin, createDemoUser } from './admin-service.js';
export { municipalitiesWithAdministrator } from './accounts-home.js';

export function accountsSettings(config: AppConfig): AccountsSettings {
  return {
    baseUrl: config.publicBaseUrl,
    encryptionKey: config.dataEncryptionKey,
    demoMode: config.demoMode,
    absoluteMs: config.sessionAbsoluteMs,
    idleMs: config.sessionIdleMs,
  };
}

function whenSession(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (req.session ? middleware(req, res, next) : next());
}

/** Identity, sessions and the policy: the floor every other domain component stands on. */
export function accountsComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  const auth = configurePassport((req) => contextFor(req as never, settings.baseUrl));
  const middleware: RequestHandler[] = [
    // A request without a session (a cookie-less read, see session-middleware.ts) has nobody to find.
    whenSession(auth.initialize()),
    whenSession(auth.session()),
    sessionGuards(settings),
    exposeFlash,
  ];
  const router = Router();
  router.use(authRoutes(settings, auth, config.env === 'production'));
  router.use(secondFactorRoutes(settings));
  router.use(accountRoutes(settings));
  router.use(invitationRoutes(settings));
  router.use(staffRoutes(settings));
  return {
    name: 'accounts',
    needs: [invitationAcceptedSignal, accountDeletingSignal],
    homeItems: (actor) => accountsHomeItems(actor),
    middleware,
    router,
    models: [UserModel, OneTimeTokenModel, TokenUseModel] as never[],
    jobs: accountsJobs,
  };
}
