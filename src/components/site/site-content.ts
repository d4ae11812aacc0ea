/** The four audiences the front page speaks to, in the order a visitor most often comes. */
export interface AudienceSection {
  key: 'volunteers' | 'associations' | 'socialWorkers' | 'municipalities';
  /** Where the call to action leads; absent until the feature behind it exists (shown as "coming soon"). */
  ctaHref?: string;
}

export function frontPageAudiences(): AudienceSection[] {
  return [
    { key: 'volunteers' },
    { key: 'associations' },
    { key: 'socialWorkers' },
    { key: 'municipalities' },
  ];
}

/** When the accessibility statement was last reviewed; update it with the statement's text. */
export const ACCESSIBILITY_STATEMENT_UPDATED = new Date('2026-11-22T12:00:00Z');
