/**
 * Pulse surveys (issue 17). The routes, who may call them and their answers:
 *
 * | method | path | who | answer |
 * |---|---|---|---|
 * | GET  | /api/v1/survey-templates | admin | 200 SurveyTemplates |
 * | GET  | /api/v1/surveys | admin (all), manager (launched ones) | 200 SurveyList |
 * | POST | /api/v1/surveys | admin | 201 CreatedSurvey (NewSurvey body); 400 bad survey, with each field's problem |
 * | GET  | /api/v1/surveys/:id | admin | 200 Survey; 404 |
 * | PUT  | /api/v1/surveys/:id | admin | 200 Survey (NewSurvey body); 400; 404; 409 once launched |
 * | GET  | /api/v1/surveys/:id/card?locale=&page= | admin | 200 SurveyCardPreview; 404 |
 * | POST | /api/v1/surveys/:id/launch | admin | 202 SurveyLaunch; 404; 409 launched already; 422 dates past |
 * | POST | /api/v1/surveys/:id/reminders | admin | 202 SurveyLaunch (a reminder to non-respondents); 404; 409 not open |
 * | POST | /api/v1/surveys/:id/close | admin | 200 Survey; 404; 409 not launched or closed already |
 * | GET  | /api/v1/surveys/:id/results[?department=] | admin; manager (departments of their subtree) | 200 SurveyResults; 403 department outside the scope; 404; 409 draft, or closing (a minute) |
 * | GET  | /api/v1/surveys/:id/results.csv[?department=] | same | 200 text/csv: one line per question × value (and each text answer at ≥ 10), the same suppression |
 *
 * Errors are problem+json in the caller's language (401 unauthenticated, 403 role, 429 limits).
 * Answering is in chat only (bot/features/surveys): no route takes answers.
 */
import type restify from 'restify';
import { z } from 'zod';
import { surveyPageCard } from '../../bot/features/surveys/surveys.cards';
import { LocaleSchema } from '../../core/directory/person';
import { translator } from '../../core/i18n/translator';
import { phaseOf } from '../../core/surveys/phase';
import { newNonce, type SurveyService } from '../../core/surveys/survey.service';
import { pagesOf } from '../../core/surveys/survey';
import type { SurveyRecord } from '../../core/surveys/surveys.repository';
import type { SurveyResultsView } from '../../core/surveys/results';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import { AuthError } from './auth/auth-error';
import type { Identity } from './auth/identity';
import { adminOnly } from './admin-only';
import type * as Api from './contract';
import { csvText, sendCsv, type Field } from './csv';
import { encodeJson, sendEncodedJson, type EncodedJson } from './encoded-json';
import type { Call, Route } from './route';

export interface SurveysApiDeps {
  surveys: SurveyService;
  limits: AbuseLimits;
}

const IdParams = z.object({ id: z.string().regex(/^s\d{8}t\d{6}[0-9a-f]{6}$/, 'not a survey id') });
const ResultsQuery = z.object({ department: z.string().trim().min(1).max(120).optional() });
const CardQuery = z.object({
  locale: LocaleSchema.default('it-IT'),
  page: z.coerce.number().int().min(0).max(19).default(0),
});

/** Admins see every department; managers their subtree's; anyone else nothing. */
function scopeOf(identity: Identity): readonly string[] {
  if (identity.roles.includes('admin')) return [];
  if (identity.roles.includes('manager') && identity.managerScope) return identity.managerScope;
  throw new AuthError('forbidden');
}

function summaryJson(s: SurveyRecord, now: Date, responded: number | null): Api.SurveySummary {
  return {
    id: s.id,
    title: s.title,
    anonymous: s.anonymous,
    state: phaseOf(s, now),
    audience: s.audience,
    questionCount: s.questions.length,
    k: s.k,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    launchedAt: s.launchedAt?.toISOString() ?? null,
    campaignId: s.campaignId ?? null,
    responded,
  };
}

async function surveyJson(surveys: SurveyService, s: SurveyRecord): Promise<Api.Survey> {
  return {
    ...summaryJson(s, surveys.now(), await surveys.responded(s.id)),
    intro: s.intro ?? null,
    purpose: s.purpose ?? null,
    questions: s.questions,
    reminders: s.reminders.map((at) => at.toISOString()),
    reminderCampaignIds: s.reminderCampaignIds,
    template: s.template ?? null,
    pages: pagesOf(s.questions),
  };
}

/** The results as CSV lines: the view's figures, then its texts when it may show them. */
function resultsCsv(view: SurveyResultsView, t: ReturnType<typeof translator>): Field[][] {
  const lines: Field[][] = [
    [
      t('surveys.csv.question'),
      t('surveys.csv.type'),
      t('surveys.csv.value'),
      t('surveys.csv.label'),
      t('surveys.csv.count'),
    ],
  ];
  if (view.hidden) return [...lines, [t('surveys.csv.hidden', { k: view.k })]];
  for (const q of view.questions) {
    for (const c of q.counts) lines.push([q.text, q.type, c.value, c.label, c.count]);
    for (const text of q.texts ?? []) lines.push([q.text, q.type, null, text, null]);
  }
  return lines;
}

/** Pulse surveys (issue 17): see the route list above. */
export function registerSurveysApi(
  server: restify.Server,
  route: Route,
  deps: SurveysApiDeps,
): void {
  const { surveys } = deps;
  // The service hands back the same view until it changes: serialised (and gzip-ed) once.
  const encoded = new WeakMap<SurveyResultsView, Promise<EncodedJson>>();

  server.get(
    '/api/v1/survey-templates',
    route(
      adminOnly(async ({ res }) => {
        res.json({
          templates: surveys.templates.map((tpl) => ({
            id: tpl.id,
            title: tpl.title,
            description: tpl.description,
            survey: {
              title: tpl.survey.title,
              ...(tpl.survey.intro ? { intro: tpl.survey.intro } : {}),
              anonymous: tpl.survey.anonymous,
              ...(tpl.survey.purpose ? { purpose: tpl.survey.purpose } : {}),
              questions: tpl.survey.questions,
              audience: tpl.survey.audience,
              k: tpl.survey.k,
              template: tpl.id,
            },
          })),
        } satisfies Api.SurveyTemplates);
      }),
    ),
  );

  server.get(
    '/api/v1/surveys',
    route(async ({ identity, res }) => {
      scopeOf(identity);
      const admin = identity.roles.includes('admin');
      const now = surveys.now();
      const all = (await surveys.list()).filter((s) => admin || s.launchedAt);
      const list = await Promise.all(
        all.map(async (s) => summaryJson(s, now, admin ? await surveys.responded(s.id) : null)),
      );
      res.json({ surveys: list } satisfies Api.SurveyList);
    }),
  );

  server.post(
    '/api/v1/surveys',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const created = await surveys.create(req.body ?? {}, identity.objectId);
        res.status(201);
        res.json({ id: created.id } satisfies Api.CreatedSurvey);
      }),
    ),
  );

  server.get(
    '/api/v1/surveys/:id',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        res.json(await surveyJson(surveys, await surveys.get(id)));
      }),
    ),
  );

  server.put(
    '/api/v1/surveys/:id',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        res.json(await surveyJson(surveys, await surveys.update(id, req.body ?? {})));
      }),
    ),
  );

  server.get(
    '/api/v1/surveys/:id/card',
    route(
      adminOnly(async ({ req, res }) => {
        const { id } = IdParams.parse(req.params);
        const { locale, page } = CardQuery.parse(req.query ?? {});
        const survey = await surveys.get(id);
        const pages = pagesOf(survey.questions).length;
        const shown = Math.min(page, pages - 1);
        const card = surveyPageCard({ t: translator(locale), locale }, survey, {
          page: shown,
          answers: {},
          nonce: newNonce(),
        });
        res.json({ page: shown, pages, card: { ...card } } satisfies Api.SurveyCardPreview);
      }),
    ),
  );

  server.post(
    '/api/v1/surveys/:id/launch',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        deps.limits.admit('campaignStart', identity.objectId);
        const launched = await surveys.launch(id, identity.objectId);
        res.status(202);
        res.json({ campaignId: launched.campaignId! } satisfies Api.SurveyLaunch);
      }),
    ),
  );

  server.post(
    '/api/v1/surveys/:id/reminders',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        deps.limits.admit('campaignStart', identity.objectId);
        const campaignId = await surveys.remind(id, identity.objectId);
        res.status(202);
        res.json({ campaignId } satisfies Api.SurveyLaunch);
      }),
    ),
  );

  server.post(
    '/api/v1/surveys/:id/close',
    route(
      adminOnly(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        res.json(await surveyJson(surveys, await surveys.close(id, identity.objectId)));
      }),
    ),
  );

  /** The survey's results as the caller may see them: their scope, the department asked for. */
  const resultsOf = ({ identity, locale, req }: Call) => {
    const { id } = IdParams.parse(req.params);
    const { department } = ResultsQuery.parse(req.query ?? {});
    return surveys.results(id, {
      scope: scopeOf(identity),
      locale,
      ...(department ? { department } : {}),
    });
  };

  server.get(
    '/api/v1/surveys/:id/results',
    route(async (call) => {
      const { req, res } = call;
      const view = await resultsOf(call);
      let body = encoded.get(view);
      if (body === undefined) {
        body = encodeJson(view satisfies Api.SurveyResults);
        encoded.set(view, body);
      }
      sendEncodedJson(req, res, 200, await body);
    }),
  );

  server.get(
    '/api/v1/surveys/:id/results.csv',
    route(async (call) => {
      const { locale, res } = call;
      const view = await resultsOf(call);
      sendCsv(
        res,
        `survey-${view.surveyId}.csv`,
        csvText(resultsCsv(view, translator(locale)), locale),
      );
    }),
  );
}
