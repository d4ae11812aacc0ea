import { Router, type Request } from 'express';
import { findMunicipality } from '../geography/index.js';
import { ConflictError } from '../../shared/errors/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { inviteStaffSchema, staffGrantSchema, staffRoleSchema } from './accounts-schemas.js';
import { authorize, currentActor, currentUser } from './authorize.js';
import { invite } from './invitation-service.js';
import { contextFor, renderForm, type AccountsSettings } from './route-helpers.js';
import { MUNICIPAL_STAFF_ROLES, type MunicipalStaffRole } from './roles.js';
import { changeStaffGrant, listStaff } from './staff-service.js';

/** A municipal administrator's staff page: list, invite, change role, disable and enable. */
export function staffRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const guard = authorize('staff:manage');
  const context = (req: Request) => contextFor(req, settings.baseUrl);

  const pageModel = async (req: Request) => {
    const actor = currentActor(req)!;
    return {
      titleKey: 'accounts.staff.title',
      municipalityName: findMunicipality(actor.municipalityCode ?? '')?.name,
      staff: await listStaff(actor),
      roles: MUNICIPAL_STAFF_ROLES,
    };
  };

  defineRoute(
    router,
    { method: 'get', path: '/kommune/medarbejdere', action: 'staff:manage' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      renderForm(res, 'accounts/staff', await pageModel(req));
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/kommune/medarbejdere/inviter', action: 'staff:manage' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(inviteStaffSchema, req.body);
      if (!form.ok)
        return renderForm(res, 'accounts/staff', await pageModel(req), form.fieldErrors, form.values);
      const actor = currentActor(req)!;
      await invite(
        { ...actor, name: currentUser(req)!.name },
        {
          email: form.data.email,
          role: form.data.role,
          municipalityCode: actor.municipalityCode,
          placeName: findMunicipality(actor.municipalityCode ?? '')?.name ?? '',
        },
        context(req),
      );
      flash(req, 'success', 'accounts.staff.invited');
      res.redirect(303, '/kommune/medarbejdere');
    },
  );

  const change = (
    path: string,
    toChange: (
      body: unknown,
    ) => { grant?: MunicipalStaffRole; change: { role?: MunicipalStaffRole; active?: boolean } } | undefined,
  ) =>
    defineRoute(
      router,
      { method: 'post', path, action: 'staff:manage' },
      guard,
      provideCsrfToken,
      async (req, res) => {
        const requested = toChange(req.body);
        if (!requested)
          return renderForm(res, 'accounts/staff', await pageModel(req), { role: 'forms.errors.invalid' });
        try {
          await changeStaffGrant(
            currentActor(req)!,
            String(req.params.userId),
            requested.change,
            context(req),
            requested.grant,
          );
        } catch (error) {
          if (error instanceof ConflictError) {
            flash(req, 'warning', 'accounts.staff.cannotChange');
            return res.redirect(303, '/kommune/medarbejdere');
          }
          throw error;
        }
        flash(req, 'success', 'accounts.staff.changed');
        res.redirect(303, '/kommune/medarbejdere');
      },
    );

  change('/kommune/medarbejdere/:userId/rolle', (body) => {
    const form = parseForm(staffRoleSchema, body);
    return form.ok ? { grant: form.data.grant, change: { role: form.data.role } } : undefined;
  });
  const activeness = (active: boolean) => (body: unknown) => {
    const form = parseForm(staffGrantSchema, body);
    return form.ok ? { grant: form.data.grant, change: { active } } : undefined;
  };
  change('/kommune/medarbejdere/:userId/deaktiver', activeness(false));
  change('/kommune/medarbejdere/:userId/aktiver', activeness(true));

  return router;
}
