import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import {
  createMailTransport,
  deliverDueMessages,
  deliveryIdle,
  enqueueMail,
  OutboxClaimModel,
  OutboxMessageModel,
  type DeliverySettings,
  type MailSettings,
} from '../../../src/shared/mail/index.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { csrfFrom, TEST_PASSWORD } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { arrivalsOf, startTestMailbox, type TestMailbox } from '../../helpers/test-mailbox.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const config = testConfig();
const logger = createLogger('silent');
const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

function settingsFor(smtpUrl: string): MailSettings & DeliverySettings {
  return {
    encryptionKey: config.dataEncryptionKey,
    from: 'Brobygning <no-reply@brobygning.test>',
    transport: createMailTransport({ mode: 'smtp', smtpUrl, dir: '' }, logger),
    logger,
  };
}

async function queue(to: string, name = 'Bo', idempotencyKey?: string) {
  return enqueueMail(
    {
      to,
      template: 'verify-email',
      language: 'da',
      data: { name, link: 'https://x.dk/bekraeft-email/hemmelig-token', expiresInHours: '24' },
      idempotencyKey,
    },
    settingsFor('smtp://unused'),
  );
}

describe('mail outbox', function () {
  this.timeout(30_000);
  useTestDatabase();
  let dir: string;
  let mailbox: TestMailbox;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-outbox-'));
    mailbox = await startTestMailbox(dir);
  });
  afterEach(async () => {
    await mailbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when a message is queued, then it is stored sealed (no link readable at rest) until it is delivered', async () => {
    const { messageId } = await queue('bo@example.dk');
    const stored = await OutboxMessageModel.findOne({ messageId }).lean();
    assert.equal(stored?.status, 'pending');
    assert.ok(stored?.sealedBody);
    assert.ok(!JSON.stringify(stored).includes('hemmelig-token'));

    await deliverDueMessages(settingsFor(mailbox.url));
    const sent = await OutboxMessageModel.findOne({ messageId }).lean();
    assert.equal(sent?.status, 'sent');
    assert.ok(sent?.sentAt);
    assert.equal(sent?.sealedBody, undefined, 'the body (with its link) is removed once delivered');
    const [raw] = arrivalsOf(dir, messageId);
    const received = await simpleParser(raw!);
    assert.equal(received.messageId, messageId);
    assert.match(messageId, /@brobygning\.test>$/);
    assert.equal(received.subject, 'Bekræft din e-mailadresse');
    assert.match(received.text ?? '', /Kære Bo/);
    assert.match(received.text ?? '', /https:\/\/x\.dk\/bekraeft-email\/hemmelig-token/);
  });

  it('when the SMTP server is down and comes back, then every message is delivered exactly once, by Message-ID', async () => {
    const port = mailbox.port;
    await mailbox.stop();
    const settings = settingsFor(mailbox.url);
    const ids = [];
    for (const to of ['a@example.dk', 'b@example.dk', 'c@example.dk']) ids.push((await queue(to)).messageId);

    const down = await deliverDueMessages(settings);
    assert.deepEqual(down, { sent: 0, retrying: 3, failed: 0, skipped: 0 });
    for (const id of ids) {
      const message = await OutboxMessageModel.findOne({ messageId: id }).lean();
      assert.equal(message?.status, 'pending');
      assert.equal(message?.attempts, 1);
      assert.match(message?.lastError ?? '', /ECONNREFUSED|connect/i);
      assert.ok(message!.nextAttemptAt > new Date(), 'the retry waits');
    }

    mailbox = await startTestMailbox(dir, port);
    assert.equal((await deliverDueMessages(settings)).sent, 0, 'nothing is retried before its time');
    const up = await deliverDueMessages(settings, minutesLater(2));
    assert.equal(up.sent, 3);
    await deliverDueMessages(settings, minutesLater(120));
    for (const id of ids) assert.equal(arrivalsOf(dir, id).length, 1, `${id} arrived once`);
  });

  it('when several deliverers run at the same time, then each message still arrives once', async () => {
    const ids = [];
    for (let n = 0; n < 8; n += 1) ids.push((await queue(`person${n}@example.dk`)).messageId);
    const reports = await Promise.all([1, 2, 3, 4].map(() => deliverDueMessages(settingsFor(mailbox.url))));
    assert.equal(
      reports.reduce((sum, report) => sum + report.sent, 0),
      8,
    );
    for (const id of ids) assert.equal(arrivalsOf(dir, id).length, 1);
  });

  it('when the server refuses a recipient for good (5xx), then that message fails at once and the others go', async () => {
    await mailbox.stop();
    mailbox = await startTestMailbox(dir, 0, { refuse: ['gone@example.dk'] });
    const refused = await queue('gone@example.dk');
    const fine = await queue('here@example.dk');
    const report = await deliverDueMessages(settingsFor(mailbox.url));
    assert.deepEqual(report, { sent: 1, retrying: 0, failed: 1, skipped: 0 });
    const failed = await OutboxMessageModel.findOne({ messageId: refused.messageId }).lean();
    assert.equal(failed?.status, 'failed');
    assert.match(failed?.lastError ?? '', /550/);
    assert.equal(arrivalsOf(dir, fine.messageId).length, 1);
  });

  it('when the last allowed attempt fails, then the message is marked failed and not tried again', async () => {
    const { messageId } = await queue('late@example.dk');
    await OutboxMessageModel.updateOne({ messageId }, { $set: { attempts: 11 } });
    await mailbox.stop();
    const settings = settingsFor(mailbox.url);
    assert.equal((await deliverDueMessages(settings)).failed, 1);
    assert.equal((await OutboxMessageModel.findOne({ messageId }).lean())?.status, 'failed');
    assert.deepEqual(await deliverDueMessages(settings, minutesLater(600)), {
      sent: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it('when another worker holds the claim, then the message waits; when that claim lapses, it is sent', async () => {
    const { messageId } = await queue('claimed@example.dk');
    await OutboxClaimModel.create({ _id: `${messageId}#0`, expiresAt: minutesLater(5) });
    const settings = settingsFor(mailbox.url);
    assert.equal((await deliverDueMessages(settings)).skipped, 1);
    assert.equal(arrivalsOf(dir, messageId).length, 0);
    assert.equal((await deliverDueMessages(settings, minutesLater(6))).sent, 1);
    assert.equal(arrivalsOf(dir, messageId).length, 1);
  });

  it('when a job queues the same mail twice (same idempotency key), then the second is refused and the one message keeps its Message-ID through retries', async () => {
    const key = 'consent:remind-expiring|c1|2026-05-01T00:00:00.000Z|consent-expiring|u1';
    const first = await queue('keyed@example.dk', 'Bo', key);
    const again = await queue('keyed@example.dk', 'Bo', key);
    const concurrent = await Promise.all([1, 2, 3].map(() => queue('keyed@example.dk', 'Bo', key)));
    assert.equal(first.queued, true);
    assert.deepEqual(
      [again, ...concurrent].map((result) => [result.queued, result.messageId]),
      [1, 2, 3, 4].map(() => [false, first.messageId]),
      'the repeats are refused and name the same Message-ID',
    );
    const stored = await OutboxMessageModel.find({ to: 'keyed@example.dk' }).lean();
    assert.equal(stored.length, 1, `messages stored for one key: ${stored.length}`);
    assert.equal(stored[0]!.idempotencyKey, key);
    assert.ok(!stored[0]!.messageId.includes('c1'), 'the Message-ID does not show the key itself');

    // A failed attempt and a retry: the mail that finally arrives carries the Message-ID derived from the key.
    const port = mailbox.port;
    await mailbox.stop();
    await deliverDueMessages(settingsFor(mailbox.url));
    mailbox = await startTestMailbox(dir, port);
    await deliverDueMessages(settingsFor(mailbox.url), minutesLater(2));
    const arrivals = arrivalsOf(dir, first.messageId);
    assert.equal(arrivals.length, 1, `arrivals with the key's Message-ID: ${arrivals.length}`);
    assert.equal((await simpleParser(arrivals[0]!)).messageId, first.messageId);
    const afterDelivery = await queue('keyed@example.dk', 'Bo', key);
    assert.equal(afterDelivery.queued, false, 'a repeat after delivery is refused too');
  });

  it('when mail without a key is queued twice to the same person, then both are stored with Message-IDs of their own', async () => {
    const one = await queue('twice@example.dk');
    const two = await queue('twice@example.dk');
    assert.deepEqual([one.queued, two.queued], [true, true]);
    assert.notEqual(one.messageId, two.messageId);
    const keys = (await OutboxMessageModel.find({ to: 'twice@example.dk' }).lean()).map(
      (message) => message.idempotencyKey,
    );
    assert.equal(new Set(keys).size, 2, `distinct keys: ${keys.join(', ')}`);
  });

  it('when an address carries CR/LF (header injection), then nothing is queued', async () => {
    await assert.rejects(queue('bo@example.dk\r\nBcc: eve@example.dk'), /malformed address/);
    await assert.rejects(queue('not-an-address'), /malformed address/);
    assert.equal(await OutboxMessageModel.countDocuments(), 0);
  });

  it('when there is no SMTP server configured, then each message becomes an .eml file', async () => {
    const fileDir = path.join(dir, 'files');
    const { messageId } = await queue('file@example.dk');
    await deliverDueMessages({
      ...settingsFor(''),
      transport: createMailTransport({ mode: 'file', smtpUrl: undefined, dir: fileDir }, logger),
    });
    const [file] = readdirSync(fileDir);
    const content = readFileSync(path.join(fileDir, file!), 'utf8');
    assert.ok(content.includes(`Message-ID: ${messageId}`));
    assert.ok(content.includes('To: file@example.dk'));
  });

  it('when someone signs up while the mail server is down, then they are told to check their mail and the mail follows later', async () => {
    const port = mailbox.port;
    await mailbox.stop();
    const settings = settingsFor(mailbox.url);
    const app = buildTestApp({ mail: settings });
    const agent = request.agent(app);
    const form = await agent.get('/tilmeld');
    const response = await agent
      .post('/tilmeld')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        name: 'Nanna Nord',
        email: 'nanna@example.dk',
        password: TEST_PASSWORD,
      });
    assert.equal(response.status, 200);
    assert.match(response.text, /Tjek din e-mail/);
    const queued = await OutboxMessageModel.findOne({ to: 'nanna@example.dk' }).lean();
    assert.ok(queued, 'the message was stored before the answer');
    await deliveryIdle();
    assert.equal((await OutboxMessageModel.findOne({ to: 'nanna@example.dk' }).lean())?.attempts, 1);

    mailbox = await startTestMailbox(dir, port);
    await deliverDueMessages(settings, minutesLater(2));
    const [raw] = arrivalsOf(dir, queued.messageId);
    assert.match(raw?.toString() ?? '', /bekraeft-email/);
  });
});
