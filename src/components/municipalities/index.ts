import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import type { Component } from '../../shared/http/index.js';
import { MunicipalityModel } from './municipality-model.js';
import { platformRoutes } from './platform-routes.js';

export {
  importMunicipalities,
  onboardMunicipality,
  listOnboardedMunicipalities,
} from './municipality-service.js';
export type { Municipality } from './municipality-model.js';

export function municipalitiesComponent(config: AppConfig): Component {
  return {
    name: 'municipalities',
    router: platformRoutes(accountsSettings(config)),
    models: [MunicipalityModel as never],
  };
}
