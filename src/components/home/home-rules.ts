import { HOME_URGENCIES, type HomeItem } from '../../shared/http/index.js';

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

export interface ArrangedHome {
  /** Lines that ask this person to act, most urgent first (worries, overdue, due); each is marked. */
  work: HomeItem[];
  /** Lines with a count that tell rather than ask (free places, running matches). */
  news: HomeItem[];
  /** Lines whose count is zero: kept as quiet links, so the way to each page stays one click away. */
  nothingWaiting: HomeItem[];
}

/** Splits the lines into work (by urgency, then in given order), news and the quiet zeros. */
export function arrangeHomeItems(items: readonly HomeItem[]): ArrangedHome {
  const urgencyRank = (item: HomeItem) =>
    item.urgency ? HOME_URGENCIES.indexOf(item.urgency) : HOME_URGENCIES.length;
  const work = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.count > 0 && item.urgency)
    .sort((a, b) => urgencyRank(a.item) - urgencyRank(b.item) || a.index - b.index)
    .map(({ item }) => item);
  return {
    work,
    news: items.filter((item) => item.count > 0 && !item.urgency),
    nothingWaiting: items.filter((item) => item.count === 0),
  };
}

/** Nothing waits for this person: the home then says what to do first instead of a column of zeros. */
export function isQuietHome(items: readonly HomeItem[]): boolean {
  return items.every((item) => item.count === 0);
}
