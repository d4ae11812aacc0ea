import { simpleParser } from 'mailparser';
import { trusted } from 'mongoose';
import { OutboxMessageModel } from '../../src/shared/mail/index.js';
import { arrivalsOf } from './test-mailbox.js';

export interface ReceivedMail {
  template: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** The first link in the plain-text body (tests follow links like people do). */
  link?: string;
}

/** The mailbox the global fixture runs (see global-fixture.ts). */
export function testMailboxDir(): string {
  const dir = process.env.TEST_MAILBOX_DIR;
  if (!dir) throw new Error('TEST_MAILBOX_DIR is not set: the global test fixture did not start the mailbox');
  return dir;
}

/**
 * The newest message the app queued for an address, as it arrived at the test SMTP server; undefined
 * when nothing was queued. Delivery runs in the background, so this waits for it (up to 5 s).
 */
export async function latestMailTo(email: string): Promise<ReceivedMail | undefined> {
  const queued = await OutboxMessageModel.findOne({ to: email }).sort({ createdAt: -1, _id: -1 }).lean();
  if (!queued) return undefined;
  const raw = await waitForArrival(queued.messageId);
  const parsed = await simpleParser(raw);
  const text = parsed.text ?? '';
  return {
    template: queued.template,
    messageId: queued.messageId,
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    link: /https?:\/\/\S+/.exec(text)?.[0],
  };
}

async function waitForArrival(messageId: string): Promise<Buffer> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const [first] = arrivalsOf(testMailboxDir(), messageId);
    if (first) return first;
    if (Date.now() > deadline) throw new Error(`message ${messageId} was queued but never arrived`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

/** Every message queued for an address since `since`, as it arrived at the test SMTP server. */
export async function mailsTo(email: string, since: Date): Promise<ReceivedMail[]> {
  const queued = await OutboxMessageModel.find({ to: email, createdAt: trusted({ $gte: since }) }).lean();
  const received: ReceivedMail[] = [];
  for (const message of queued) {
    const parsed = await simpleParser(await waitForArrival(message.messageId));
    const text = parsed.text ?? '';
    received.push({
      template: message.template,
      messageId: message.messageId,
      subject: parsed.subject ?? '',
      text,
      html: typeof parsed.html === 'string' ? parsed.html : '',
      link: /https?:\/\/\S+/.exec(text)?.[0],
    });
  }
  return received;
}
