import type { Request } from 'express';
import { LANGUAGES } from '../volunteers/index.js';
import { windowRows, windowValues } from '../../shared/window-fields/index.js';
import type { StoredRequest } from './request-access.js';
import { ADULT_GENDERS, CHILD_GENDERS, EXPECTED_MONTHS, PREVENTS_STEPS } from './request-rules.js';

/** Ticked checkboxes as the browser sends them: one is a string, several an array. */
export function ticked(req: Request, field: string): Set<string> {
  const raw: unknown = req.body?.[field];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return new Set(list.filter((value): value is string => typeof value === 'string'));
}

/**
 * The request form's view model: selects, rows and checkboxes worked out here, as the template only shows
 * (typed values come back through `values`, ticked boxes through `languages` and `network`).
 */
export function requestFormModel(
  subject: { requestId?: string; organisations: Array<{ id: string; name: string }> },
  values: Record<string, string>,
  chosen: { languages: ReadonlySet<string>; network: ReadonlySet<string> },
) {
  const editing = subject.requestId !== undefined;
  const select = <T extends string>(choices: readonly T[], field: string) =>
    choices.map((value) => ({ value, selected: values[field] === value }));
  return {
    titleKey: editing ? 'matching.request.editTitle' : 'matching.request.newTitle',
    action: editing ? `/sager/${subject.requestId}/rediger` : '/sager/ny',
    editing,
    requestId: subject.requestId,
    genders: select(CHILD_GENDERS, 'gender'),
    adultGenders: select(ADULT_GENDERS, 'adultGender'),
    steps: select(PREVENTS_STEPS, 'preventsStep'),
    months: Array.from({ length: 12 }, (_, index) => String(index + 1)).map((value) => ({
      value,
      selected: values.birthMonth === value,
    })),
    languageChoices: LANGUAGES.map((code) => ({ code, checked: chosen.languages.has(code) })),
    organisations: subject.organisations.map((organisation) => ({
      ...organisation,
      checked: chosen.network.has(organisation.id),
    })),
    noFaithCommunity: values.noFaithCommunity === 'yes',
    rows: windowRows(values),
  };
}

/** A new form starts with the default duration. */
export const NEW_REQUEST_VALUES = { expectedMonths: String(EXPECTED_MONTHS.default) };

/** A stored request as the strings (and ticked boxes) its form would have sent. */
export function valuesFromRequest(request: StoredRequest) {
  const values: Record<string, string> = {
    caseRef: request.caseRef,
    birthYear: String(request.birthYear),
    birthMonth: String(request.birthMonth),
    gender: request.gender ?? '',
    postcode: request.postcode,
    interests: request.interests.join(', '),
    needsText: request.needsText,
    needTags: request.needTags.join(', '),
    maxTravelKm: request.maxTravelKm ? String(request.maxTravelKm) : '',
    adultGender: request.adultGender ?? '',
    noFaithCommunity: request.noFaithCommunity ? 'yes' : '',
    preventsStep: request.preventsStep,
    expectedMonths: String(request.expectedMonths),
    ...windowValues(request.windows),
  };
  return {
    values,
    chosen: {
      languages: new Set<string>(request.homeLanguages),
      network: new Set(request.networkOrganisationIds),
    },
  };
}
