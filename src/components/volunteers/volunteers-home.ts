import { can, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { findProfile } from './volunteer-service.js';

/** A volunteer without a profile cannot be found by anyone: that comes first on their home. */
export async function volunteersHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!can(actor, 'volunteer:manage-own', { ownerId: actor.userId })) return [];
  if (await findProfile(actor.userId)) return [];
  return [
    { labelKey: 'home.volunteers.profileMissing', count: 1, href: '/frivillig/profil', urgency: 'due' },
  ];
}
