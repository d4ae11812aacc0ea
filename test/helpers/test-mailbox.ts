import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface TestMailbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** File name prefix for a Message-ID: files are how the fixture's mailbox and the tests share state. */
function mailboxKey(messageId: string): string {
  return createHash('sha256').update(messageId.trim()).digest('hex').slice(0, 24);
}

/**
 * A real SMTP server in this process (the smtp-server package). Every message that arrives is written to
 * `dir` as <Message-ID hash>-<time>-<arrival number>.eml, so a duplicate delivery shows as a second file.
 * Addresses in `refuse` get a permanent 550, as from a server that has no such mailbox.
 */
export function startTestMailbox(
  dir: string,
  port = 0,
  options: { refuse?: string[] } = {},
): Promise<TestMailbox> {
  mkdirSync(dir, { recursive: true });
  let arrivals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))?.[1] ?? 'no-message-id';
        arrivals += 1;
        writeFileSync(path.join(dir, `${mailboxKey(messageId)}-${Date.now()}-${arrivals}.eml`), raw);
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.server.address() as AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${actual}`,
        port: actual,
        stop: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** The raw messages that arrived in `dir` with this Message-ID, oldest first. */
export function arrivalsOf(dir: string, messageId: string): Buffer[] {
  const prefix = `${mailboxKey(messageId)}-`;
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.startsWith(prefix))
    .sort((a, b) => Number(a.split('-').pop()!.split('.')[0]) - Number(b.split('-').pop()!.split('.')[0]))
    .map((file) => readFileSync(path.join(dir, file)));
}
