import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import { accountDeletingSignal, accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen } from '../../shared/wiring/index.js';
import { deletionRoutes } from './deletion-routes.js';
import { organisationBrowseRoutes } from './organisation-browse-routes.js';
import { VolunteerProfileModel } from './volunteer-model.js';
import { volunteerRoutes } from './volunteer-routes.js';
import { deleteProfileOf } from './volunteer-service.js';
import { volunteersHomeItems } from './volunteers-home.js';

// What requests and candidates read: profiles by municipality, status and area, and the rules.
export {
  findProfile,
  listProfiles,
  saveProfile,
  setProfileStatus,
  profilesOf,
  PROFILES_TOPIC,
  type StoredProfile,
} from './volunteer-service.js';
export type { ProfileInput } from './volunteer-schemas.js';
export { overlapMinutes, LANGUAGES, type TimeWindow } from './volunteer-rules.js';

/** Volunteers' own profile: what they like to do, when, where, how many children; pause, leave, delete. */
export function volunteersComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  return {
    name: 'volunteers',
    // A deleted account's profile goes with it.
    provides: [listen(accountDeletingSignal, deleteProfileOf)],
    homeItems: (actor) => volunteersHomeItems(actor),
    router: Router().use(volunteerRoutes(), organisationBrowseRoutes(settings), deletionRoutes(settings)),
    models: [VolunteerProfileModel] as never[],
  };
}
