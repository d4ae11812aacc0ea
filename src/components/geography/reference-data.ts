import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface MunicipalityReference {
  code: string;
  name: string;
  region: string;
  lat: number;
  lon: number;
}

export interface PostcodeReference {
  postcode: string;
  name: string;
  municipalityCode: string;
  lat: number;
  lon: number;
}

// The files are small (≈ 65 kB), fixed and needed by several components, so they are read once.
function readCsv(file: string): string[][] {
  const text = readFileSync(fileURLToPath(new URL(`./data/${file}`, import.meta.url)), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

export const MUNICIPALITIES: readonly MunicipalityReference[] = readCsv('dk-municipalities.csv').map(
  ([code, name, region, lat, lon]) => ({ code, name, region, lat: Number(lat), lon: Number(lon) }),
);

export const POSTCODES: readonly PostcodeReference[] = readCsv('dk-postcodes.csv').map(
  ([postcode, name, municipalityCode, , lat, lon]) => ({
    postcode,
    name,
    municipalityCode,
    lat: Number(lat),
    lon: Number(lon),
  }),
);

const postcodeIndex = new Map(POSTCODES.map((entry) => [entry.postcode, entry]));
const municipalityIndex = new Map(MUNICIPALITIES.map((entry) => [entry.code, entry]));

export function findPostcode(postcode: string): PostcodeReference | undefined {
  return postcodeIndex.get(postcode);
}

export function findMunicipality(code: string): MunicipalityReference | undefined {
  return municipalityIndex.get(code);
}
