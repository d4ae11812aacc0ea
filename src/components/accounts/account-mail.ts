import { enqueueMail, kickDelivery } from '../../shared/mail/index.js';

type EnqueueInput = Parameters<typeof enqueueMail>[0];

/**
 * Stores the message in the outbox (the caller tells the person "we sent you an e-mail" only after this
 * returns) and asks for an immediate delivery attempt; the scheduled worker retries if that fails.
 */
export async function sendAccountMail(input: EnqueueInput): Promise<void> {
  await enqueueMail(input);
  kickDelivery();
}
