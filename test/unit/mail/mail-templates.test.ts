import assert from 'node:assert/strict';
import { renderMail } from '../../../src/shared/mail/index.js';

const samples: Record<string, Record<string, string>> = {
  'verify-email': { name: 'Ærø Øster', link: 'https://x.dk/bekraeft-email/abc', expiresInHours: '24' },
  'reset-password': { name: 'Åse', link: 'https://x.dk/nulstil-adgangskode/abc', expiresInMinutes: '60' },
  invitation: {
    inviterName: 'Kim',
    roleLabel: 'Socialrådgiver',
    placeName: 'Jammerbugt',
    link: 'https://x.dk/invitation/abc',
    expiresInDays: '7',
  },
  'password-changed': { name: 'Bo' },
  'account-locked': { name: 'Bo', link: 'https://x.dk/glemt-adgangskode', minutes: '15' },
  'join-request': {
    volunteerName: 'Åse Ørsted',
    organisationName: 'Fjerritslev Gymnastikforening',
    link: 'https://x.dk/forening/medlemmer',
  },
  'account-exists': {
    name: 'Bo',
    loginLink: 'https://x.dk/log-ind',
    resetLink: 'https://x.dk/glemt-adgangskode',
  },
  'vetting-consent-reminder': {
    name: 'Bo',
    organisationName: 'Nordstrand IF',
    daysLeft: '4',
    link: 'https://x.dk/frivillig/godkendelse',
  },
  'vetting-order-reminder': {
    name: 'Kim',
    volunteerName: 'Bo',
    organisationName: 'Nordstrand IF',
    daysLeft: '4',
    link: 'https://x.dk/forening/godkendelse/abc',
  },
  'match-proposal': {
    name: 'Kim',
    childAlias: 'E.',
    age: '11',
    interests: 'fodbold, tegning',
    needTags: 'en fast voksen',
    askText: 'Tag E. med til træning om tirsdagen.',
    organisationName: 'Nordstrand IF',
    link: 'https://x.dk/forening/forslag',
  },
  'match-reminder': {
    name: 'Kim',
    childAlias: 'E.',
    age: '11',
    interests: 'fodbold, tegning',
    needTags: 'en fast voksen',
    askText: 'Tag E. med til træning om tirsdagen.',
    organisationName: 'Nordstrand IF',
    link: 'https://x.dk/forening/forslag',
  },
  'match-accepted': {
    name: 'Sara',
    childAlias: 'E.',
    organisationName: 'Nordstrand IF',
    link: 'https://x.dk/sager/abc',
  },
  'match-declined': {
    name: 'Sara',
    childAlias: 'E.',
    organisationName: 'Nordstrand IF',
    reason: 'Ingen plads i efteråret',
    link: 'https://x.dk/sager/abc',
  },
  'consent-changed': {
    name: 'Kim',
    organisationName: 'Nordstrand IF',
    link: 'https://x.dk/forening/forslag',
  },
  'vetting-consent-request': {
    name: 'Bo',
    organisationName: 'Nordstrand IF',
    link: 'https://x.dk/frivillig/godkendelse',
  },
};

describe('mail templates', () => {
  for (const [template, data] of Object.entries(samples)) {
    for (const language of ['da', 'en'] as const) {
      it(`when "${template}" is rendered in ${language}, then subject, text and HTML are complete`, () => {
        const mail = renderMail(template, language, data);
        assert.ok(mail.subject.length > 5);
        assert.ok(!mail.subject.includes('mail.'), `untranslated subject: ${mail.subject}`);
        assert.ok(!/mail\.[a-z]/.test(mail.text), 'an untranslated key in the text');
        assert.match(mail.html, new RegExp(`<html lang="${language}">`));
        for (const value of Object.values(data)) {
          assert.ok(mail.text.includes(value), `text lacks ${value}`);
        }
      });
    }
  }

  it('when the same message is rendered in both languages, then the texts differ', () => {
    const data = samples['verify-email']!;
    assert.notEqual(renderMail('verify-email', 'da', data).text, renderMail('verify-email', 'en', data).text);
    assert.match(
      renderMail('verify-email', 'da', data).text,
      /Bekræft din e-mailadresse|Bekræft e-mailadresse/,
    );
    assert.match(renderMail('verify-email', 'en', data).text, /Confirm e-mail address/);
  });

  it('when a name holds markup, then the HTML escapes it and the plain text keeps it as typed', () => {
    const mail = renderMail('password-changed', 'da', { name: '<b>Bo & Co</b>' });
    assert.ok(mail.html.includes('&lt;b&gt;Bo &amp; Co&lt;/b&gt;'));
    assert.ok(!mail.html.includes('<b>Bo'));
    assert.ok(mail.text.includes('<b>Bo & Co</b>'));
  });

  it('when a value the template needs is missing, then rendering fails instead of sending a blank', () => {
    assert.throws(() => renderMail('verify-email', 'da', { name: 'Bo' }));
  });

  it('when the template name is not a plain name, then it is refused', () => {
    assert.throws(() => renderMail('../layouts/main', 'da', {}), /Not a mail template name/);
  });

  it('when a mail names a day, then it is written as the reader writes dates, never as 2026-03-05', () => {
    const data = { name: 'Sara', childAlias: 'E.', dueOn: '2026-03-05', link: 'https://x.dk/opfoelgning' };
    assert.match(renderMail('followup-escalation', 'da', data).text, /\(dato 5\. marts 2026\)/);
    assert.match(renderMail('followup-escalation', 'en', data).text, /5 March 2026/);
    assert.doesNotMatch(renderMail('followup-escalation', 'da', data).text, /2026-03-05/);
  });
});
