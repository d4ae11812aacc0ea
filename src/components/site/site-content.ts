/** The four audiences the front page speaks to, in the order a visitor most often comes. */
export interface AudienceSection {
  key: 'volunteers' | 'associations' | 'socialWorkers' | 'municipalities';
  /** Where the call to action leads: the first step for that audience. */
  ctaHref: string;
}

export function frontPageAudiences(): AudienceSection[] {
  return [
    { key: 'volunteers', ctaHref: '/tilmeld' },
    // Registering needs an account; the login page offers signing up first.
    { key: 'associations', ctaHref: '/forening/ny' },
    { key: 'socialWorkers', ctaHref: '/log-ind' },
    // A municipality starts from the invitation its first administrator receives, then logs in.
    { key: 'municipalities', ctaHref: '/log-ind' },
  ];
}

/** When the accessibility statement was last reviewed; update it with the statement's text. */
export const ACCESSIBILITY_STATEMENT_UPDATED = new Date('2026-11-22T12:00:00Z');
