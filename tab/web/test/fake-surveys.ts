import type {
  CampaignStatus,
  NewSurvey,
  Survey,
  SurveyResults,
  SurveySummary,
  SurveyTemplate,
  SurveyText,
  SurveyTextInput,
} from '../src/api/types';
import { campaignStatus } from './fixtures';
import { json, problem } from './responses';

/** The surveys part of the fake tab API. */
export interface FakeSurveys {
  surveys: Survey[];
  templates: SurveyTemplate[];
  /** By `id` or `id|department`. */
  surveyResults: Record<string, SurveyResults>;
  /** When set, saving a survey answers 422 with these refused fields. */
  refuseSurvey: { path: string; message: string }[] | null;
  /** Delivery campaigns, shared with the campaigns' fake (the survey card's progress). */
  campaigns: CampaignStatus[];
}

const both = (text: SurveyTextInput | undefined): SurveyText | null =>
  text === undefined ? null : typeof text === 'string' ? { 'it-IT': text, 'en-US': text } : text;

/** The questions on each page of the card: four to a page. */
const pagesOf = (ids: string[]) =>
  Array.from({ length: Math.ceil(ids.length / 4) }, (_, i) => ids.slice(i * 4, i * 4 + 4));

/** A draft as the server stores and answers it. */
export function stored(
  id: string,
  body: NewSurvey,
  createdAt = '2026-04-01T09:00:00.000Z',
): Survey {
  const questions = body.questions.map((q) => ({
    id: q.id,
    type: q.type,
    text: both(q.text)!,
    required: q.required ?? q.type !== 'text',
    options: (q.options ?? []).map((o) => ({ id: o.id, text: both(o.text)! })),
  }));
  return {
    id,
    title: both(body.title)!,
    anonymous: body.anonymous,
    state: 'draft',
    audience: body.audience,
    questionCount: questions.length,
    k: body.k ?? 5,
    opensAt: body.opensAt ?? null,
    closesAt: body.closesAt ?? null,
    createdAt,
    launchedAt: null,
    campaignId: null,
    responded: 0,
    intro: both(body.intro),
    purpose: both(body.purpose),
    questions,
    reminders: body.reminders ?? [],
    reminderCampaignIds: [],
    template: body.template ?? null,
    pages: pagesOf(questions.map((q) => q.id)),
  };
}

const summaryOf = ({
  intro: _i,
  purpose: _p,
  questions: _q,
  reminders: _r,
  reminderCampaignIds: _c,
  template: _t,
  pages: _pages,
  ...summary
}: Survey): SurveySummary => summary;

/** The card of a page: the survey's title and that page's questions, as plain TextBlocks. */
function cardOf(survey: Survey, locale: 'it-IT' | 'en-US', page: number) {
  const ids = survey.pages[page] ?? [];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: survey.title[locale], weight: 'Bolder', wrap: true },
      ...survey.questions
        .filter((q) => ids.includes(q.id))
        .map((q) => ({ type: 'TextBlock', text: q.text[locale], wrap: true })),
    ],
    actions: [{ type: 'Action.Execute', title: 'Invia', verb: 'survey.page' }],
  };
}

/** Answers a surveys route, or null when `route` ("METHOD path") is not one of them. */
export function surveyRoute(
  state: FakeSurveys,
  route: string,
  query: URLSearchParams,
  body: unknown,
): Response | null {
  if (route === 'GET /api/v1/survey-templates') return json(200, { templates: state.templates });
  if (route === 'GET /api/v1/surveys') return json(200, { surveys: state.surveys.map(summaryOf) });
  if (route === 'POST /api/v1/surveys' || route.startsWith('PUT /api/v1/surveys/')) {
    if (state.refuseSurvey) {
      return problem(422, 'Il sondaggio non è valido.', { errors: state.refuseSurvey });
    }
  }
  if (route === 'POST /api/v1/surveys') {
    const survey = stored(
      `s${state.surveys.length + 1}`,
      body as NewSurvey,
      new Date().toISOString(),
    );
    state.surveys.unshift(survey);
    return json(201, { id: survey.id });
  }
  const match = /^(GET|PUT|POST) \/api\/v1\/surveys\/([^/]+)(?:\/([\w.]+))?$/.exec(route);
  if (!match) return null;
  const [, method, id, action] = match;
  const index = state.surveys.findIndex((s) => s.id === decodeURIComponent(id ?? ''));
  const survey = state.surveys[index];
  if (!survey) return problem(404, 'Sondaggio sconosciuto.');
  if (method === 'GET' && !action) return json(200, survey);
  if (method === 'PUT' && !action) {
    const changed = stored(survey.id, body as NewSurvey, survey.createdAt);
    state.surveys[index] = changed;
    return json(200, changed);
  }
  if (method === 'GET' && action === 'card') {
    const locale = query.get('locale') === 'en-US' ? 'en-US' : 'it-IT';
    const page = Number(query.get('page') ?? 0);
    return json(200, { page, pages: survey.pages.length, card: cardOf(survey, locale, page) });
  }
  if (method === 'POST' && action === 'launch') {
    if (survey.state !== 'draft') return problem(409, 'Sondaggio già avviato.');
    const campaign = campaignStatus({
      id: `c-${survey.id}`,
      kind: 'survey',
      remindable: false,
      audience: { kind: 'chosen' },
    });
    state.campaigns.unshift(campaign);
    state.surveys[index] = {
      ...survey,
      state: 'open',
      launchedAt: new Date().toISOString(),
      campaignId: campaign.id,
    };
    return json(202, { campaignId: campaign.id });
  }
  if (method === 'POST' && action === 'close') {
    const closed: Survey = { ...survey, state: 'closed' };
    state.surveys[index] = closed;
    return json(200, closed);
  }
  if (method === 'GET' && (action === 'results' || action === 'results.csv')) {
    const department = query.get('department');
    const results = state.surveyResults[department ? `${survey.id}|${department}` : survey.id];
    if (!results) return problem(409, 'Il sondaggio non ha ancora risultati.');
    if (action === 'results') return json(200, results);
    return new Response(`domanda;valore;persone\n${results.questions[0]?.id ?? ''};1;0\n`, {
      status: 200,
      headers: { 'content-type': 'text/csv' },
    });
  }
  return null;
}
