export { MUNICIPALITIES, POSTCODES, findPostcode, findMunicipality } from './reference-data.js';
