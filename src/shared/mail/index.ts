export {
  enqueueMail,
  cancelPendingMailAbout,
  deleteMailAbout,
  kickDelivery,
  configureMail,
  mailSettingsFor,
  deliveryIdle,
  type EnqueueMailInput,
  type MailSettings,
} from './outbox-service.js';
export { deliverDueMessages, purgeOldOutboxMessages, type DeliverySettings } from './outbox-delivery.js';
export { createMailTransport } from './mail-transport.js';
export { renderMail } from './mail-templates.js';
export { OutboxMessageModel, OutboxClaimModel } from './outbox-model.js';
export { mailJobs } from './mail-jobs.js';

import { OutboxClaimModel, OutboxMessageModel } from './outbox-model.js';
export const mailModels = [OutboxMessageModel, OutboxClaimModel] as never[];
