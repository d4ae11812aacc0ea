import { sentForTests } from '../../src/shared/mail/index.js';

/** The newest message queued for an address, with the first link in it (tests follow links like people do). */
export async function latestMailTo(
  email: string,
): Promise<{ template: string; link?: string; data: Record<string, string> } | undefined> {
  const message = [...sentForTests].reverse().find((m) => m.to === email);
  if (!message) return undefined;
  const link = Object.values(message.data).find((value) => value.startsWith('http'));
  return { template: message.template, link, data: message.data };
}

export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}
