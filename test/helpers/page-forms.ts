/** One form as a page renders it: where it goes, how, and each field with the value the page gives it. */
export interface PageForm {
  method: 'get' | 'post';
  action: string;
  fields: Array<{ name: string; value: string }>;
}

const attribute = (tag: string, name: string): string | undefined => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return found ? decodeEntities(found[1]!) : undefined;
};

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');

/**
 * The forms on a page (our own server-rendered HTML, so a few regular expressions are enough): text
 * fields with their values, the checked boxes and radios (or the first radio of a group), each select's
 * chosen option (or its first), textareas with their text. The CSRF token is left out.
 */
export function formsOn(html: string, pagePath: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const [, attributes, body] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = ` ${attributes}`;
    const method = (attribute(tag, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
    const action = attribute(tag, 'action') || pagePath;
    const fields: PageForm['fields'] = [];
    // Per radio group: the checked choice, else the first.
    const radios = new Map<string, { first: string; checked?: string }>();
    for (const [element, kind] of body!.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      const name = attribute(element, 'name');
      if (!name || name === '_csrf') continue;
      if (kind === 'input') {
        const type = attribute(element, 'type') ?? 'text';
        if (type === 'submit' || type === 'button') continue;
        const checked = /\schecked\b/.test(element);
        if (type === 'checkbox' && !checked) continue;
        if (type === 'radio') {
          const value = attribute(element, 'value') ?? 'on';
          const group = radios.get(name) ?? { first: value };
          if (checked) group.checked = value;
          radios.set(name, group);
          continue;
        }
        fields.push({ name, value: attribute(element, 'value') ?? (type === 'checkbox' ? 'on' : '') });
      } else if (kind === 'select') {
        const rest = body!.slice(body!.indexOf(element));
        const options = rest.slice(0, rest.indexOf('</select>'));
        const chosen = /<option\b[^>]*\sselected\b[^>]*>/.exec(options) ?? /<option\b[^>]*>/.exec(options);
        fields.push({ name, value: chosen ? (attribute(chosen[0], 'value') ?? '') : '' });
      } else {
        const rest = body!.slice(body!.indexOf(element) + element.length);
        fields.push({ name, value: decodeEntities(rest.slice(0, rest.indexOf('</textarea>'))) });
      }
    }
    for (const [name, group] of radios) fields.push({ name, value: group.checked ?? group.first });
    forms.push({ method, action, fields });
  }
  return forms;
}
