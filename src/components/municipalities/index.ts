import type { Component } from '../../shared/http/index.js';
import { MunicipalityModel } from './municipality-model.js';

export {
  importMunicipalities,
  onboardMunicipality,
  listOnboardedMunicipalities,
} from './municipality-service.js';
export type { Municipality } from './municipality-model.js';

export const municipalitiesComponent: Component = {
  name: 'municipalities',
  models: [MunicipalityModel as never],
};
