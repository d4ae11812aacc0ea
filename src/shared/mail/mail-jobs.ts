import type { JobDefinition } from '../jobs/index.js';
import { deliverDueMessages, purgeOldOutboxMessages } from './outbox-delivery.js';
import type { MailSettings } from './outbox-service.js';

/** The outbox worker (every 10 seconds: retries and anything an instance enqueued but did not send) and its housekeeping. */
export function mailJobs(settings: MailSettings): JobDefinition[] {
  return [
    {
      name: 'mail:deliver',
      schedule: '*/10 * * * * *',
      run: async (context) => {
        const report = await deliverDueMessages(settings, context?.now);
        if (report.sent + report.retrying + report.failed > 0) settings.logger.info(report, 'outbox run');
        return report.sent + report.failed;
      },
    },
    {
      name: 'mail:purge',
      schedule: '17 3 * * *',
      run: (context) => purgeOldOutboxMessages(context?.now),
    },
  ];
}
