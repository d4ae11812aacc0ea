export { MUNICIPALITIES, POSTCODES, findPostcode, findMunicipality } from './reference-data.js';
export type { MunicipalityReference, PostcodeReference } from './reference-data.js';
