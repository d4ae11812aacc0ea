import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { MunicipalityModel } from './municipality-model.js';
import { platformRoutes } from './platform-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { Router } from 'express';
import { municipalitiesHomeItems } from './municipalities-home.js';

export {
  importMunicipalities,
  onboardMunicipality,
  listOnboardedMunicipalities,
  settingsOf,
  afterHoursPhoneOf,
  setAfterHoursPhone,
} from './municipality-service.js';
export { MUNICIPALITY_SETTING_LIMITS } from './municipality-model.js';

export function municipalitiesComponent(config: AppConfig): Component {
  return {
    name: 'municipalities',
    homeItems: (actor) => municipalitiesHomeItems(actor),
    router: Router().use(platformRoutes(accountsSettings(config)), settingsRoutes(accountsSettings(config))),
    models: [MunicipalityModel as never],
  };
}
