import { Router, type Request } from 'express';
import { authorize, currentActor, renderForm } from '../accounts/index.js';
import { organisationsOfMember } from '../organisations/index.js';
import { defineRoute, flash, parseForm, provideCsrfToken } from '../../shared/http/index.js';
import { postedLanguages, profileChoices, profileSummary, profileValues } from './profile-view.js';
import { emptySchema, profileSchema } from './volunteer-schemas.js';
import { findProfile, saveProfile, setProfileStatus } from './volunteer-service.js';

/** The volunteer's own pages: the overview, the profile form, and pausing or resuming. */
export function volunteerRoutes(): Router {
  const router = Router();
  const guard = authorize('volunteer:manage-own');
  const userIdOf = (req: Request) => currentActor(req)!.userId;

  defineRoute(
    router,
    { method: 'get', path: '/frivillig', action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const profile = await findProfile(userIdOf(req));
      res.render('volunteers/overview', {
        titleKey: 'volunteers.overview.title',
        profile: profile ? profileSummary(profile) : undefined,
        memberships: await organisationsOfMember(userIdOf(req)),
      });
    },
  );

  defineRoute(
    router,
    { method: 'get', path: '/frivillig/profil', action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const profile = await findProfile(userIdOf(req));
      const values = profileValues(profile);
      renderForm(
        res,
        'volunteers/profile',
        { titleKey: 'volunteers.profile.title', ...profileChoices(values, profile?.languages ?? []) },
        {},
        values,
      );
    },
  );

  defineRoute(
    router,
    { method: 'post', path: '/frivillig/profil', action: 'volunteer:manage-own' },
    guard,
    provideCsrfToken,
    async (req, res) => {
      const form = parseForm(profileSchema, req.body);
      if (!form.ok) {
        // parseForm never echoes fields whose name contains "code" (secrets); a postcode is no secret.
        const postcode: unknown = req.body?.postcode;
        const values = { ...form.values, ...(typeof postcode === 'string' ? { postcode } : {}) };
        const model = {
          titleKey: 'volunteers.profile.title',
          ...profileChoices(values, postedLanguages(req.body)),
        };
        return renderForm(res, 'volunteers/profile', model, form.fieldErrors, values);
      }
      await saveProfile(currentActor(req)!, form.data);
      flash(req, 'success', 'volunteers.profile.saved');
      res.redirect(303, '/frivillig');
    },
  );

  for (const [segment, status] of [
    ['pause', 'paused'],
    ['genoptag', 'active'],
  ] as const) {
    defineRoute(
      router,
      { method: 'post', path: `/frivillig/${segment}`, action: 'volunteer:manage-own' },
      guard,
      async (req, res) => {
        parseForm(emptySchema, req.body);
        const outcome = await setProfileStatus(currentActor(req)!, status);
        flash(
          req,
          outcome === 'no-profile' ? 'warning' : 'success',
          `volunteers.status.${outcome}.${status}`,
        );
        res.redirect(303, '/frivillig');
      },
    );
  }

  return router;
}
