import { Router, type Request } from 'express';
import {
  authorize,
  contextFor,
  currentActor,
  currentUser,
  invite,
  renderForm,
  type AccountsSettings,
} from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { inviteAdministratorSchema, municipalityCodeSchema } from './municipality-schemas.js';
import {
  findMunicipalityRecord,
  listAllMunicipalities,
  onboardMunicipality,
} from './municipality-service.js';

/** The platform administrator's page: which municipalities use Brobygning, onboarding, first administrator. */
export function platformRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('platform:manage');
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  const municipalityFrom = async (req: Request) => {
    const code = municipalityCodeSchema.safeParse(req.params.code);
    const municipality = code.success ? await findMunicipalityRecord(code.data) : undefined;
    if (!municipality) throw new NotFoundError();
    return municipality;
  };

  const pageModel = async () => ({
    titleKey: 'municipalities.platform.title',
    municipalities: await listAllMunicipalities(),
  });

  defineRoute(
    router,
    { method: 'get', path: '/platform/kommuner', action: 'platform:manage' },
    guard,
    provideCsrfToken,
    async (_req, res) => {
      renderForm(res, 'municipalities/platform', await pageModel());
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/platform/kommuner/:code/aktiver', action: 'platform:manage' },
    guard,
    async (req, res) => {
      parseForm(inviteAdministratorSchema.pick({}), req.body);
      const municipality = await municipalityFrom(req);
      await onboardMunicipality(municipality.code);
      await recordAudit(
        {
          action: 'municipality.onboarded',
          outcome: 'success',
          actorId: currentUser(req)!.id,
          actorRole: 'platform-admin',
          municipalityCode: municipality.code,
          objectType: 'municipality',
          objectId: municipality.code,
        },
        context(req).origin,
      );
      flash(req, 'success', 'municipalities.platform.onboarded');
      res.redirect(303, '/platform/kommuner');
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/platform/kommuner/:code/inviter', action: 'platform:manage' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const municipality = await municipalityFrom(req);
      const form = parseForm(inviteAdministratorSchema, req.body);
      if (!form.ok)
        return renderForm(
          res,
          'municipalities/platform',
          { ...(await pageModel()), invalidCode: municipality.code },
          form.fieldErrors,
          form.values,
        );
      if (!municipality.onboarded) {
        flash(req, 'warning', 'municipalities.platform.onboardFirst');
        return res.redirect(303, '/platform/kommuner');
      }
      await invite(
        { ...currentActor(req)!, name: currentUser(req)!.name },
        {
          email: form.data.email,
          role: 'municipal-admin',
          municipalityCode: municipality.code,
          placeName: municipality.name,
        },
        context(req),
      );
      flash(req, 'success', 'municipalities.platform.invited');
      res.redirect(303, '/platform/kommuner');
    },
  );

  return router;
}
