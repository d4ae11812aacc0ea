import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import { caseRetentionSignal, matchMovedSignal } from '../requests/index.js';
import type { Component } from '../../shared/http/index.js';
import { listen } from '../../shared/wiring/index.js';
import { followUpHomeItems } from './followup-home.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import { deleteFollowUpsOf, onMatchMovedPlan } from './followup-plan-service.js';
import { followUpRoutes } from './followup-routes.js';
import { followUpJobs } from './followups-jobs.js';

export { reconcilePlan } from './followup-plan-service.js';
export { remindDueFollowUps } from './followups-jobs.js';
export { answerFollowUp } from './followup-service.js';
export { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
export { copenhagenDate, addDays, judgeFollowUp } from './followup-rules.js';
export { dueFollowUpsForCaseload } from './followup-read.js';

/** Follow-ups of active matches: the plan, check-ins, family follow-ups, worries, reminders and escalation. */
export function followUpsComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  return {
    name: 'followups',
    provides: [
      // A match that starts, pauses, resumes or closes changes its follow-up plan.
      listen(matchMovedSignal, onMatchMovedPlan),
      // Retention of a child's case takes its follow-ups with it.
      listen(caseRetentionSignal, deleteFollowUpsOf),
    ],
    router: followUpRoutes(settings),
    models: [FollowUpModel, FollowUpPlanModel] as never[],
    jobs: followUpJobs(settings.baseUrl),
    homeItems: followUpHomeItems,
  };
}
