import { can, municipalitiesWithAdministrator, type Actor } from '../accounts/index.js';
import type { HomeActor, HomeItem } from '../../shared/http/index.js';
import { MunicipalityModel } from './municipality-model.js';

/** The platform administrator's home: how far each municipality is with getting started. */
export async function municipalitiesHomeItems(homeActor: HomeActor): Promise<HomeItem[]> {
  const actor = homeActor as Actor;
  if (!can(actor, 'platform:manage')) return [];
  const [municipalities, withAdministrator] = await Promise.all([
    MunicipalityModel.find({}, { code: 1, onboarded: 1 }).limit(200).lean(),
    municipalitiesWithAdministrator(),
  ]);
  const onboarded = municipalities.filter((municipality) => municipality.onboarded);
  const href = '/platform/kommuner';
  return [
    {
      labelKey: 'home.municipalities.withoutAdministrator',
      count: onboarded.filter((municipality) => !withAdministrator.has(municipality.code)).length,
      href,
      urgency: 'due',
    },
    { labelKey: 'home.municipalities.onboarded', count: onboarded.length, href },
    { labelKey: 'home.municipalities.notOnboarded', count: municipalities.length - onboarded.length, href },
  ];
}
