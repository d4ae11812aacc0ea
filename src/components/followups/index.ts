import type { AppConfig } from '../../config/index.js';
import { accountsSettings } from '../accounts/index.js';
import { onMatchMoved, registerCaseRetention } from '../requests/index.js';
import type { Component } from '../../shared/http/index.js';
import { followUpHomeItems } from './followup-home.js';
import { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
import { deleteFollowUpsOf, onMatchMovedPlan } from './followup-plan-service.js';
import { followUpRoutes } from './followup-routes.js';
import { followUpJobs } from './followups-jobs.js';

export { reconcilePlan, deleteFollowUpsOf } from './followup-plan-service.js';
export { planFollowUps, remindDueFollowUps, escalateOverdue } from './followups-jobs.js';
export { answerFollowUp } from './followup-service.js';
export { FollowUpModel, FollowUpPlanModel } from './followup-model.js';
export { copenhagenDate, addDays, judgeFollowUp, type FollowUpJudgement } from './followup-rules.js';
export { dueFollowUpsForCaseload, type OpenFollowUpForCaseload } from './followup-read.js';

let registered = false;

/** Follow-ups of active matches: the plan, check-ins, family follow-ups, worries, reminders and escalation. */
export function followUpsComponent(config: AppConfig): Component {
  const settings = accountsSettings(config);
  // The component list is built more than once per process (app, scheduler, scripts); listen once.
  if (!registered) {
    registered = true;
    onMatchMoved(onMatchMovedPlan);
    registerCaseRetention(deleteFollowUpsOf);
  }
  return {
    name: 'followups',
    router: followUpRoutes(settings),
    models: [FollowUpModel, FollowUpPlanModel] as never[],
    jobs: followUpJobs(settings.baseUrl),
    homeItems: followUpHomeItems,
  };
}
