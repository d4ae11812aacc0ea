import { Router, type Request, type Response } from 'express';
import { authorize, contextFor, currentActor, renderForm, type AccountsSettings } from '../accounts/index.js';
import { matchFacts, matchStatusFor, viewerOf } from '../requests/index.js';
import { BadRequestError, NotFoundError } from '../../shared/errors/index.js';
import {
  defineRoute,
  flash,
  isObjectIdShape,
  parseForm,
  provideCsrfToken,
  type AuditedObject,
} from '../../shared/http/index.js';
import { chartOf } from './followup-chart.js';
import { CONTINUE_WISHES, copenhagenDate, SCALE } from './followup-rules.js';
import {
  answersSchema,
  followUpIdSchema,
  listQuerySchema,
  skipSchema,
  worryHandlingSchema,
} from './followup-schemas.js';
import { childOf } from './followup-child.js';
import {
  answerFollowUp,
  checkInBlocked,
  loadForTeam,
  loadOwnCheckIn,
  markWorrySeen,
  matchHistory,
  organisationCheckIns,
  ownCheckIns,
  skipFollowUp,
  teamOverview,
  upcomingOf,
  withStatus,
  type StoredFollowUp,
} from './followup-service.js';
import { isUnhandledWorry, WORRY_ACTIONS } from './worry-rules.js';
import { handledByName, recordWorryHandling, worryTold } from './worry-service.js';

/** A follow-up, or a match's follow-ups, named by a route: a refused attempt on it is audited. */
const FOLLOW_UP: AuditedObject = {
  objectType: 'follow-up',
  id: { param: 'followUpId', isId: (value) => followUpIdSchema.safeParse(value).success },
};
const MATCH: AuditedObject = { objectType: 'match', id: { param: 'matchId', isId: isObjectIdShape } };

/** The choices every answers form shows, the same wording every time. */
const QUESTIONS = { scale: SCALE, wishes: CONTINUE_WISHES, scaleQuestions: ['goes', 'wellbeing'] };

/** Follow-ups: the volunteer's check-in, the social worker's family follow-up and overview, the coordinator's view. */
export function followUpRoutes(settings: AccountsSettings): Router {
  const router = Router();
  const context = (req: Request) => contextFor(req, settings.baseUrl);
  const actorOf = (req: Request) => currentActor(req)!;
  const param = (req: Request, name: string) => String(req.params[name] ?? '');

  // What the volunteer may see of the child comes from the child gate, read now; nothing of the child
  // is shown, and nothing can be answered, while the match is paused or closed.
  const checkInModel = async (req: Request, followUp: StoredFollowUp) => {
    const blocked = await checkInBlocked(followUp);
    return {
      titleKey: 'followups.checkin.title',
      followUp: withStatus(followUp, copenhagenDate(new Date())),
      childAlias: blocked ? undefined : (await childOf(viewerOf(actorOf(req)), followUp.matchId))?.alias,
      blocked: blocked ? `followups.checkin.blocked.${blocked}` : undefined,
      // After a worry: who was told, and whom to call if a child is in danger now.
      worryTold: await worryTold(followUp, actorOf(req)),
      action: `/frivillig/opfoelgning/${followUp._id}`,
      ...QUESTIONS,
    };
  };

  // The volunteer: their check-ins, and the form the reminder e-mail links to (login first, then straight here).
  const volunteer = authorize('followups:checkin-own');
  defineRoute(
    router,
    { method: 'get', path: '/frivillig/opfoelgning', action: 'followups:checkin-own' },
    volunteer,
    async (req, res) => {
      res.render('followups/volunteer-list', {
        titleKey: 'followups.volunteerList.title',
        checkIns: await ownCheckIns(actorOf(req).userId, new Date()),
      });
    },
  );
  defineRoute(
    router,
    {
      method: 'get',
      path: '/frivillig/opfoelgning/:followUpId',
      action: 'followups:checkin-own',
      audited: FOLLOW_UP,
    },
    volunteer,
    provideCsrfToken,
    async (req, res) => {
      const followUp = await loadOwnCheckIn(actorOf(req), param(req, 'followUpId'));
      renderForm(res, 'followups/checkin', await checkInModel(req, followUp));
    },
  );
  defineRoute(
    router,
    {
      method: 'post',
      path: '/frivillig/opfoelgning/:followUpId',
      action: 'followups:checkin-own',
      audited: FOLLOW_UP,
    },
    volunteer,
    provideCsrfToken,
    async (req, res) => {
      const followUp = await loadOwnCheckIn(actorOf(req), param(req, 'followUpId'));
      const model = await checkInModel(req, followUp);
      // Paused or closed: refused with the page's own explanation, and nothing is stored.
      if (model.blocked)
        return renderForm(res, 'followups/checkin', model, { _form: model.blocked }, {}, 409);
      const form = parseForm(answersSchema, req.body);
      if (!form.ok) return renderForm(res, 'followups/checkin', model, form.fieldErrors, form.values);
      const outcome = await answerFollowUp(actorOf(req), followUp, form.data, context(req));
      flash(req, outcome === 'saved' ? 'success' : 'warning', `followups.checkin.${outcome}`);
      // A worry is answered on its own page: who was told, and what to do if a child is in danger now.
      const worried = outcome === 'saved' && form.data.worry;
      res.redirect(303, worried ? `/frivillig/opfoelgning/${followUp._id}` : '/frivillig/opfoelgning');
    },
  );

  // The social workers of the municipality (the request's team).
  const team = authorize('followups:work');
  const teamPage = async (res: Response, followUp: StoredFollowUp, errors = {}, values = {}) => {
    const facts = await matchFacts(followUp.matchId);
    renderForm(
      res,
      'followups/followup',
      {
        titleKey: 'followups.followUp.title',
        followUp: withStatus(followUp, copenhagenDate(new Date())),
        childAlias: (await childOf(viewerOf(actorOf(res.req)), followUp.matchId))?.alias,
        requestId: facts?.requestId,
        canAnswer: followUp.audience === 'family' && followUp.state === 'open',
        canHandleWorry: isUnhandledWorry(followUp),
        worryHandledByName: await handledByName(followUp),
        worryActions: WORRY_ACTIONS,
        action: `/opfoelgning/${followUp._id}`,
        ...QUESTIONS,
      },
      errors,
      values,
    );
  };
  defineRoute(
    router,
    { method: 'get', path: '/opfoelgning', action: 'followups:work' },
    team,
    async (req, res) => {
      const query = parseForm(listQuerySchema, req.query);
      if (!query.ok) throw new BadRequestError('Unusable page');
      res.render('followups/overview', {
        titleKey: 'followups.overview.title',
        ...(await teamOverview(actorOf(req).municipalityCode ?? '', new Date(), query.data.side)),
      });
    },
  );
  defineRoute(
    router,
    { method: 'get', path: '/opfoelgning/forloeb/:matchId', action: 'followups:work', audited: MATCH },
    team,
    async (req, res) => {
      const actor = actorOf(req);
      const facts = await matchFacts(param(req, 'matchId'));
      if (!facts || facts.municipalityCode !== actor.municipalityCode) throw new NotFoundError();
      const history = await matchHistory(facts.municipalityCode, facts.matchId, new Date());
      const answered = history
        .filter((followUp) => followUp.answers)
        .map((followUp) => ({ dueOn: followUp.dueOn, audience: followUp.audience, ...followUp.answers! }));
      const now = new Date();
      res.render('followups/match', {
        titleKey: 'followups.match.title',
        facts,
        status: await matchStatusFor(facts.matchId, 'socialWorker', now),
        upcoming: await upcomingOf(facts, history, now),
        childAlias: (await childOf(viewerOf(actor), facts.matchId))?.alias,
        history,
        answered,
        chart: answered.length > 0 ? chartOf(answered) : undefined,
      });
    },
  );
  defineRoute(
    router,
    { method: 'get', path: '/opfoelgning/:followUpId', action: 'followups:work', audited: FOLLOW_UP },
    team,
    provideCsrfToken,
    async (req, res) => {
      await teamPage(res, await loadForTeam(actorOf(req), param(req, 'followUpId')));
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/opfoelgning/:followUpId', action: 'followups:work', audited: FOLLOW_UP },
    team,
    provideCsrfToken,
    async (req, res) => {
      const followUp = await loadForTeam(actorOf(req), param(req, 'followUpId'));
      const form = parseForm(answersSchema, req.body);
      if (!form.ok) return teamPage(res, followUp, form.fieldErrors, form.values);
      // The volunteer answers their own check-in; the social worker answers the family follow-up.
      const outcome =
        followUp.audience === 'family'
          ? await answerFollowUp(actorOf(req), followUp, form.data, context(req))
          : 'already';
      flash(req, outcome === 'saved' ? 'success' : 'warning', `followups.followUp.${outcome}`);
      res.redirect(303, `/opfoelgning/forloeb/${followUp.matchId}`);
    },
  );
  defineRoute(
    router,
    {
      method: 'post',
      path: '/opfoelgning/:followUpId/spring-over',
      action: 'followups:work',
      audited: FOLLOW_UP,
    },
    team,
    provideCsrfToken,
    async (req, res) => {
      const followUp = await loadForTeam(actorOf(req), param(req, 'followUpId'));
      const form = parseForm(skipSchema, req.body);
      if (!form.ok) return teamPage(res, followUp, form.fieldErrors, form.values);
      const outcome = await skipFollowUp(actorOf(req), followUp, form.data.reason, context(req));
      flash(req, outcome === 'saved' ? 'success' : 'warning', `followups.followUp.skipped.${outcome}`);
      res.redirect(303, `/opfoelgning/forloeb/${followUp.matchId}`);
    },
  );
  defineRoute(
    router,
    { method: 'post', path: '/opfoelgning/:followUpId/set', action: 'followups:work', audited: FOLLOW_UP },
    team,
    async (req, res) => {
      const followUp = await loadForTeam(actorOf(req), param(req, 'followUpId'));
      await markWorrySeen(actorOf(req), followUp, context(req));
      res.redirect(303, `/opfoelgning/${followUp._id}`);
    },
  );

  defineRoute(
    router,
    {
      method: 'post',
      path: '/opfoelgning/:followUpId/bekymring',
      action: 'followups:work',
      audited: FOLLOW_UP,
    },
    team,
    provideCsrfToken,
    async (req, res) => {
      const followUp = await loadForTeam(actorOf(req), param(req, 'followUpId'));
      const form = parseForm(worryHandlingSchema, req.body);
      if (!form.ok) return teamPage(res, followUp, form.fieldErrors, form.values);
      const outcome = await recordWorryHandling(actorOf(req), followUp, form.data, context(req));
      flash(req, outcome === 'saved' ? 'success' : 'warning', `worry.handle.${outcome}`);
      res.redirect(303, `/opfoelgning/${followUp._id}`);
    },
  );

  // The coordinator: done or not, never the answers.
  defineRoute(
    router,
    { method: 'get', path: '/forening/opfoelgning', action: 'followups:overview-org' },
    authorize('followups:overview-org'),
    async (req, res) => {
      const query = parseForm(listQuerySchema, req.query);
      if (!query.ok) throw new BadRequestError('Unusable page');
      res.render('followups/organisation', {
        titleKey: 'followups.organisation.title',
        ...(await organisationCheckIns(actorOf(req).organisationId ?? '', new Date(), query.data.side)),
      });
    },
  );

  return router;
}
