import { findMunicipality, findPostcode } from '../geography/index.js';
import { windowRows, windowValues } from '../../shared/window-fields/index.js';
import type { StoredProfile } from './volunteer-service.js';
import {
  FREQUENCIES,
  LANGUAGES,
  MAX_CHILDREN,
  VOLUNTEER_GENDERS,
  type TimeWindow,
} from './volunteer-rules.js';

/** The stored profile as the strings a form shows (for editing). */
export function profileValues(profile: StoredProfile | undefined): Record<string, string> {
  if (!profile) return { maxChildren: '1' };
  const values: Record<string, string> = {
    interests: profile.interests.join(', '),
    skills: profile.skills.join(', '),
    postcode: profile.postcode,
    frequency: profile.frequency,
    maxChildren: String(profile.maxChildren),
    presentation: profile.presentation ?? '',
    gender: profile.gender ?? '',
    ...windowValues(profile.availability),
  };
  return values;
}

/** Choices for the form's radios, checkboxes and selects, marked from the values shown. */
export function profileChoices(values: Record<string, string>, chosenLanguages: readonly string[]) {
  return {
    languageChoices: LANGUAGES.map((code) => ({ code, checked: chosenLanguages.includes(code) })),
    frequencyChoices: FREQUENCIES.map((frequency) => ({
      frequency,
      checked: values.frequency === frequency,
    })),
    maxChildrenChoices: Array.from({ length: MAX_CHILDREN }, (_, index) => ({
      value: String(index + 1),
      selected: (values.maxChildren ?? '1') === String(index + 1),
    })),
    genderChoices: ['', ...VOLUNTEER_GENDERS].map((gender) => ({
      gender,
      selected: (values.gender ?? '') === gender,
    })),
    rows: windowRows(values),
  };
}

/** Languages ticked in a posted form (a string or an array), for showing the form again. */
export function postedLanguages(body: unknown): string[] {
  const raw: unknown = (body as { languages?: unknown } | undefined)?.languages;
  return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
}

/** The overview's summary of a profile: place names instead of codes, windows in order. */
export function profileSummary(profile: StoredProfile) {
  return {
    interests: profile.interests,
    skills: profile.skills,
    languages: profile.languages,
    place: `${profile.postcode} ${findPostcode(profile.postcode)?.name ?? ''}`.trim(),
    municipality: findMunicipality(profile.municipalityCode)?.name,
    availability: [...profile.availability].sort((a: TimeWindow, b: TimeWindow) => a.weekday - b.weekday),
    frequency: profile.frequency,
    maxChildren: profile.maxChildren,
    presentation: profile.presentation,
    paused: profile.status === 'paused',
    pausedAt: profile.pausedAt ?? undefined,
  };
}
