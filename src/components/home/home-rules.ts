import type { HomeItem } from '../../shared/http/index.js';

/** Where someone with nothing waiting starts, per role: the first thing that role does in Brobygning. */
const FIRST_STEPS: Record<string, { href: string; key: string }> = {
  volunteer: { href: '/frivillig/foreninger', key: 'volunteer' },
  coordinator: { href: '/forening/tilbud', key: 'coordinator' },
  'social-worker': { href: '/sager/ny', key: 'socialWorker' },
  leader: { href: '/kommune/rapport', key: 'leader' },
  'municipal-admin': { href: '/kommune/foreninger', key: 'municipalAdmin' },
  'platform-admin': { href: '/platform/kommuner', key: 'platformAdmin' },
};

export interface FirstStep {
  href: string;
  /** i18n key of the sentence that says what to do first. */
  textKey: string;
  /** i18n key of the link's text. */
  linkKey: string;
}

export function firstStepFor(role: string): FirstStep {
  const step = FIRST_STEPS[role] ?? { href: '/konto', key: 'other' };
  return {
    href: step.href,
    textKey: `home.firstStep.${step.key}.text`,
    linkKey: `home.firstStep.${step.key}.link`,
  };
}

/** What needs attention first, then what waits (with a count), then the rest; otherwise in given order. */
export function arrangeHomeItems(items: readonly HomeItem[]): HomeItem[] {
  const rank = (item: HomeItem) => (item.attention && item.count > 0 ? 0 : item.count > 0 ? 1 : 2);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/** Nothing waits for this person: the home then says what to do first instead of a column of zeros. */
export function isQuietHome(items: readonly HomeItem[]): boolean {
  return items.every((item) => item.count === 0);
}
