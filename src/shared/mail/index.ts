export {
  enqueueMail,
  cancelPendingMailAbout,
  deleteMailAbout,
  kickDelivery,
  configureMail,
  mailSettingsFor,
  deliveryIdle,
  messageIdDomain,
  type EnqueueMailInput,
  type MailSettings,
  type QueuedMail,
} from './outbox-service.js';
export {
  deliverDueMessages,
  purgeOldOutboxMessages,
  type DeliveryReport,
  type DeliverySettings,
} from './outbox-delivery.js';
export { createMailTransport, type MailTransport, type OutgoingMail } from './mail-transport.js';
export { renderMail, type RenderedMail } from './mail-templates.js';
export { OutboxMessageModel, OutboxClaimModel } from './outbox-model.js';
export { mailJobs } from './mail-jobs.js';
export { MAX_DELIVERY_ATTEMPTS } from './outbox-rules.js';

import { OutboxClaimModel, OutboxMessageModel } from './outbox-model.js';
export const mailModels = [OutboxMessageModel, OutboxClaimModel] as never[];
