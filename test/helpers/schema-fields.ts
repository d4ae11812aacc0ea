import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as accountsSchemas from '../../src/components/accounts/accounts-schemas.js';
import * as consentSchemas from '../../src/components/consent/consent-schemas.js';
import * as followupSchemas from '../../src/components/followups/followup-schemas.js';
import * as candidateHelpSchemas from '../../src/components/candidates/candidate-help-schemas.js';
import * as candidateSchemas from '../../src/components/candidates/candidate-schemas.js';
import * as matchSchemas from '../../src/components/requests/match-schemas.js';
import * as rankingWeightsSchemas from '../../src/components/candidates/ranking-weights-schemas.js';
import * as requestSchemas from '../../src/components/requests/request-schemas.js';
import * as searchSchemas from '../../src/components/candidates/search-schemas.js';
import * as municipalitySchemas from '../../src/components/municipalities/municipality-schemas.js';
import * as offerSchemas from '../../src/components/offers/offer-schemas.js';
import * as organisationSchemas from '../../src/components/organisations/organisation-schemas.js';
import * as reportingSchemas from '../../src/components/reporting/reporting-schemas.js';
import * as vettingSchemas from '../../src/components/vetting/vetting-schemas.js';
import * as volunteerSchemas from '../../src/components/volunteers/volunteer-schemas.js';
import * as identityProviderSchemas from '../../src/components/sign-in/identity-provider-schemas.js';

const COMPONENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/components');

// Every schema module, by file; test/unit/shared/every-form-field.test.ts checks that none is missing.
export const SCHEMA_MODULES: Record<string, Record<string, unknown>> = {
  'accounts/accounts-schemas.ts': accountsSchemas,
  'consent/consent-schemas.ts': consentSchemas,
  'followups/followup-schemas.ts': followupSchemas,
  'candidates/candidate-help-schemas.ts': candidateHelpSchemas,
  'candidates/candidate-schemas.ts': candidateSchemas,
  'requests/match-schemas.ts': matchSchemas,
  'candidates/ranking-weights-schemas.ts': rankingWeightsSchemas,
  'requests/request-schemas.ts': requestSchemas,
  'candidates/search-schemas.ts': searchSchemas,
  'municipalities/municipality-schemas.ts': municipalitySchemas,
  'offers/offer-schemas.ts': offerSchemas,
  'organisations/organisation-schemas.ts': organisationSchemas,
  'reporting/reporting-schemas.ts': reportingSchemas,
  'vetting/vetting-schemas.ts': vettingSchemas,
  'volunteers/volunteer-schemas.ts': volunteerSchemas,
  'sign-in/identity-provider-schemas.ts': identityProviderSchemas,
};

export interface SchemaField {
  name: string;
  schema: z.ZodType;
}

/** The *-schemas.ts files on disk, as "component/file.ts". */
export const schemaFiles = (): string[] =>
  readdirSync(COMPONENTS).flatMap((component) =>
    readdirSync(path.join(COMPONENTS, component))
      .filter((file) => file.endsWith('-schemas.ts'))
      .map((file) => `${component}/${file}`),
  );

/** Every field of every form and query schema, found by walking each module's exports. */
export function everyField(): SchemaField[] {
  const fields: SchemaField[] = [];
  for (const [file, module] of Object.entries(SCHEMA_MODULES)) {
    for (const [exported, value] of Object.entries(module)) {
      let schema = value;
      // A form whose fields are turned into something else afterwards is a pipe from the object.
      while (schema instanceof z.ZodPipe) schema = schema.in;
      if (!(schema instanceof z.ZodObject)) continue;
      for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        fields.push({ name: `${file.replace('.ts', '')}.${exported}.${name}`, schema: field });
      }
    }
  }
  return fields;
}

/** The names of every form and query field any schema knows, once each. */
export const everyFieldName = (): string[] => [
  ...new Set(everyField().map((field) => field.name.split('.').at(-1)!)),
];
