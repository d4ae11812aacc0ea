// TEMPORARY SHIM written by the lead so the tree compiles while the outbox is being built.
// helper-3: replace this whole file with the real outbox (same names: enqueueMail, kickDelivery, mailModels).
import type { Language } from '../i18n/index.js';

export interface EnqueueMailInput {
  to: string;
  template: string;
  language: Language;
  data: Record<string, string>;
}

export const sentForTests: EnqueueMailInput[] = [];

export async function enqueueMail(input: EnqueueMailInput): Promise<{ messageId: string }> {
  sentForTests.push(input);
  return { messageId: `<shim-${sentForTests.length}@brobygning.localhost>` };
}

export function kickDelivery(): void {}

export const mailModels: never[] = [];
