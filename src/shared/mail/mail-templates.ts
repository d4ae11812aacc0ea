import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { translatorFor, type Language } from '../i18n/index.js';
import { formatDateHelper, tHelper } from '../views/index.js';

const MAIL_VIEWS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../views/mail');

// A separate Handlebars instance: mail has its own layout and no page partials. HTML templates escape
// what they print (names typed by people); plain-text templates must not turn "&" into "&amp;".
const html = Handlebars.create();
const text = Handlebars.create();
for (const instance of [html, text]) {
  instance.registerHelper('t', tHelper);
  // Days travel as YYYY-MM-DD in the mail's data; the reader gets them as their language writes dates.
  instance.registerHelper('formatDate', formatDateHelper);
}

type Compiled = (context: object) => string;
const compiled = new Map<string, Compiled>();

function template(name: string, kind: 'html' | 'text'): Compiled {
  const key = `${name}.${kind}`;
  let found = compiled.get(key);
  if (!found) {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`Not a mail template name: ${name}`);
    const source = readFileSync(path.join(MAIL_VIEWS, `${key}.hbs`), 'utf8');
    found =
      kind === 'html'
        ? html.compile(source, { strict: true })
        : text.compile(source, { strict: true, noEscape: true });
    compiled.set(key, found);
  }
  return found;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders a message in the recipient's language: subject from the catalog (mail.<template>.subject),
 * body from views/mail/<template>.{text,html}.hbs inside the mail layouts. A missing value is an error
 * here (strict mode), at enqueue time, rather than a blank in somebody's inbox.
 */
export function renderMail(name: string, language: Language, data: Record<string, string>): RenderedMail {
  const context = { ...data, lang: language };
  const subject = translatorFor(language)(`mail.${name}.subject`, { ...data }) as string;
  return {
    subject: subject.replace(/[\r\n]+/g, ' ').trim(),
    text: template('layout', 'text')({ ...context, body: template(name, 'text')(context) }),
    html: template(
      'layout',
      'html',
    )({
      ...context,
      subject,
      body: new Handlebars.SafeString(template(name, 'html')(context)),
    }),
  };
}
