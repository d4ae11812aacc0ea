import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logging/index.js';

export interface MailTransportSettings {
  mode: 'smtp' | 'file';
  smtpUrl: string | undefined;
  dir: string;
}

interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one message or throws; the outbox decides what a failure means. */
export type MailTransport = (mail: OutgoingMail) => Promise<void>;

/**
 * SMTP in production (bounded waits: a hanging server must not hold a delivery worker for minutes);
 * on one machine without SMTP_URL, each message becomes an .eml file in MAIL_DIR that any mail program
 * opens, and the log says where.
 */
export function createMailTransport(settings: MailTransportSettings, logger: Logger): MailTransport {
  if (settings.mode === 'smtp' && settings.smtpUrl) {
    const transporter = nodemailer.createTransport(settings.smtpUrl, {});
    // Timeouts are set on the options object because the URL form cannot carry them.
    Object.assign(transporter.options, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return async (mail) => {
      await transporter.sendMail(mail);
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (mail) => {
    const info = await writer.sendMail(mail);
    await mkdir(settings.dir, { recursive: true });
    const file = path.join(
      settings.dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeName(mail)}.eml`,
    );
    await writeFile(file, info.message as Buffer, { mode: 0o600 });
    logger.info({ file, messageId: mail.messageId }, 'mail written to file (no SMTP_URL set)');
  };
}

function safeName(mail: OutgoingMail): string {
  return mail.messageId
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
