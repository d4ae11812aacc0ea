// The bare page's text. Field for field it mirrors the real front page (views/site/home.hbs with
// its layout and partials) with texts of about the same length, so both servers render and send a
// similar amount of HTML. scenarios/front-page.ts warns when the sizes drift apart; adjust here then.

const filler = (words: number, seed: string): string =>
  Array.from({ length: words }, (_, i) => `${seed}${i % 7 === 6 ? ',' : ''}`).join(' ') + '.';

export const bareContext = {
  lang: 'da',
  title: 'Forside',
  site: {
    name: 'Brobygning',
    skipLink: 'Gå til indhold',
    tagline: 'Civilsamfundet og kommunen sammen om børnene',
    mainNav: 'Hovedmenu',
    navHome: 'Forside',
    languageSwitch: 'Read in English',
    footerAbout: filler(19, 'software'),
    footerNav: 'Sidefod',
    footerAccessibility: 'Tilgængelighedserklæring',
    footerData: filler(10, 'dataset'),
  },
  languageSwitch: { lang: 'en', href: '/sprog/en?tilbage=%2F' },
  home: {
    heading: filler(11, 'voksen'),
    lead: filler(27, 'trygt'),
    audiencesHeading: 'Hvem er Brobygning til?',
    comingSoon: 'Kommer snart',
    cards: [
      { heading: 'Frivillige', text: filler(22, 'hobby'), cta: 'Bliv frivillig' },
      { heading: 'Foreninger, virksomheder og kirker', text: filler(22, 'forening'), cta: 'Registrér' },
      { heading: 'Socialrådgivere', text: filler(25, 'barnet'), cta: 'Log ind' },
      { heading: 'Kommuner', text: filler(22, 'kommune'), cta: 'Kom i gang som kommune' },
    ] as { heading: string; text: string; cta: string; ctaHref?: string }[],
    howHeading: 'Sådan fungerer det',
    steps: [filler(20, 'tilbud'), filler(19, 'godkend'), filler(19, 'match'), filler(17, 'følg')],
    privacyHeading: 'Børns oplysninger passes godt på',
    privacyText: filler(26, 'regler'),
  },
};
