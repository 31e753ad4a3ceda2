import type {
  AuditPage,
  Campaign,
  CampaignAction,
  CampaignPreview,
  CampaignStatus,
  ContestEntry,
  ContestResults,
  ContestSummary,
  Created,
  NewContest,
  CreatedFacilitatorRound,
  DashboardCampaigns,
  FacilitatorConsentWithdrawal,
  FacilitatorInvitations,
  FacilitatorRoundList,
  FacilitatorRound,
  FacilitatorRoundSummary,
  FacilitatorTargets,
  FacilitatorsNearMe,
  NewFacilitatorRound,
  ShortlistChange,
  Heatmap,
  Trend,
  HeatmapChoice,
  Me,
  MyResults,
  PeopleSearch,
  Problem,
  StartAudience,
  FacilitatorRoster,
  TrainingImport,
  TrainingPath,
  UnreachablePerson,
  NewSurvey,
  Survey,
  SurveyCardPreview,
  SurveyResults,
  SurveySummary,
  SurveyTemplate,
} from './types';
import { createIdeasApi, type IdeasApi } from './ideas-client';

/** Audit entries per page. */
export const AUDIT_PAGE = 50;

/** fetch for the tab API, already carrying the caller's credentials (see TeamsProvider). */
export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** A failed call: an HTTP status with the problem's (server-localised) title, or 0 offline. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title?: string,
    /** The refused lines of an imported file, or the refused fields of a form (`path`). */
    readonly lines: { line?: number; path?: string; message: string }[] = [],
    /** The whole problem, for refusals that carry more (a stale task's current version). */
    readonly problem: Problem = {},
  ) {
    super(title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export async function send(
  apiFetch: ApiFetch,
  path: string,
  init?: RequestInit,
): Promise<Response> {
  let response: Response;
  try {
    response = await apiFetch(path, init);
  } catch {
    throw new ApiError(0);
  }
  if (response.ok) return response;
  let problem: Problem = {};
  if (response.headers.get('content-type')?.includes('json')) {
    problem = ((await response.json().catch(() => ({}))) ?? {}) as Problem;
  }
  throw new ApiError(response.status, problem.title, problem.errors, problem);
}

export async function json<T>(apiFetch: ApiFetch, path: string): Promise<T> {
  const response = await send(apiFetch, path);
  return (await response.json()) as T;
}

export async function post<T>(
  apiFetch: ApiFetch,
  path: string,
  body: unknown = {},
  method = 'POST',
): Promise<T> {
  const response = await send(apiFetch, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

const campaignPath = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}`;
const contestPath = (id: string) => `/api/v1/contests/${encodeURIComponent(id)}`;
const entryPath = (id: string, entryId: string) =>
  `${contestPath(id)}/entries/${encodeURIComponent(entryId)}`;
const roundPath = (id: string) => `/api/v1/facilitator-rounds/${encodeURIComponent(id)}`;
const surveyPath = (id: string) => `/api/v1/surveys/${encodeURIComponent(id)}`;
const inDepartment = (department: string | null) =>
  department === null ? '' : `?${new URLSearchParams({ department }).toString()}`;

export interface Api {
  me(): Promise<Me>;
  /** null until the person has submitted the questionnaire. */
  myResults(): Promise<MyResults | null>;
  /** The JSON export of everything óiBO holds about the caller. */
  myData(): Promise<string>;
  eraseMyData(): Promise<void>;
  /** Leaves every facilitator candidate list; a pending invitation is withdrawn. */
  withdrawFacilitatorConsent(): Promise<FacilitatorConsentWithdrawal>;
  /** The heat map one level below the caller's scope, or below one unit of it. */
  heatmap(choice: HeatmapChoice): Promise<Heatmap>;
  dashboardCampaigns(): Promise<DashboardCampaigns>;
  /** A unit of the caller's scope (default: the whole scope) over every round. */
  trend(unit?: string[]): Promise<Trend>;
  /** Admins only, newest first; of these message kinds only, unless null. */
  campaigns(kinds?: readonly string[] | null): Promise<Campaign[]>;
  /** The directory's departments, for a campaign's audience or a post's announcement. */
  departments(): Promise<string[]>;
  /** What starting it would do now (writes nothing). */
  previewCampaign(audience: StartAudience): Promise<CampaignPreview>;
  startCampaign(audience: StartAudience): Promise<Campaign>;
  campaignStatus(id: string): Promise<CampaignStatus>;
  changeCampaign(id: string, action: CampaignAction): Promise<Campaign>;
  /** Who the campaign could not reach, with name, UPN and department (admins only). */
  unreachable(id: string): Promise<UnreachablePerson[]>;
  /** Schedules a reminder `afterHours` after the campaign started (0: now). */
  remind(id: string, afterHours: number): Promise<Campaign>;
  /** Facilitator selection rounds, newest first (admins only). */
  facilitatorRounds(): Promise<FacilitatorRoundSummary[]>;
  /** Creates a round and answers its id. */
  createFacilitatorRound(round: NewFacilitatorRound): Promise<string>;
  /** A round with its shortlist and coverage map. */
  facilitatorRound(id: string): Promise<FacilitatorRound>;
  /** Replaces the targets of these departments (before the invitation only). */
  changeRoundTargets(id: string, targets: FacilitatorTargets): Promise<FacilitatorRound>;
  changeShortlist(id: string, change: ShortlistChange): Promise<FacilitatorRound>;
  /** Starts the round's invitation campaign and answers its id. */
  inviteRound(id: string): Promise<string>;
  /** A page of the audit log, newest first (`after`: the previous page's `next`). */
  audit(after?: string): Promise<AuditPage>;
  /** The whole audit log as CSV. */
  auditCsv(): Promise<string>;
  /** The facilitators of the caller's department, or of their area when it has none. */
  facilitatorsNearMe(): Promise<FacilitatorsNearMe>;
  /** Facilitators only: their own training path. */
  trainingPath(): Promise<TrainingPath>;
  /** Marks a module done; the refreshed path. */
  completeModule(completion: {
    moduleId: string;
    date: string;
    hours: number;
  }): Promise<TrainingPath>;
  /** Admins only: every facilitator's hours against the target. */
  facilitatorRoster(): Promise<FacilitatorRoster>;
  facilitatorRosterCsv(): Promise<string>;
  /** Admins only: the training platform's completions, all or nothing. */
  importCompletions(csv: string): Promise<TrainingImport>;
  /** Call4Ideas: calls, ideas, votes, comments, amendments and their administration. */
  ideas: IdeasApi;
  /** Admins only: ready surveys to start a new one from. */
  surveyTemplates(): Promise<SurveyTemplate[]>;
  /** Admins every survey, managers the launched ones. */
  surveys(): Promise<SurveySummary[]>;
  survey(id: string): Promise<Survey>;
  /** Saves a draft; its id. */
  createSurvey(survey: NewSurvey): Promise<string>;
  /** Replaces a draft (before launch). */
  updateSurvey(id: string, survey: NewSurvey): Promise<Survey>;
  /** A page of the card a respondent would see, in `locale`. */
  surveyCard(id: string, locale: string, page: number): Promise<SurveyCardPreview>;
  /** Sends the survey (at its opening date); the delivery campaign's id. */
  launchSurvey(id: string): Promise<string>;
  /** Reminds the non-respondents now; the reminder campaign's id. */
  remindSurvey(id: string): Promise<string>;
  closeSurvey(id: string): Promise<Survey>;
  /** The results the caller may see, or one department's (null: all of them). */
  surveyResults(id: string, department: string | null): Promise<SurveyResults>;
  surveyResultsCsv(id: string, department: string | null): Promise<string>;
  /** Logo contests, newest first. */
  contests(): Promise<ContestSummary[]>;
  /** Admins only: opens a contest and answers its id. */
  createContest(contest: NewContest): Promise<string>;
  /** The entries the caller may see now (no authors before the contest closes). */
  contestEntries(id: string): Promise<ContestEntry[]>;
  /** Sends an entry (multipart: the image, its title and description); its id. */
  submitEntry(
    id: string,
    entry: { image: File; title: string; description: string },
  ): Promise<string>;
  /** Casts or changes the caller's one vote. */
  vote(id: string, entryId: string): Promise<void>;
  /** Admins only: hides an entry; its author sees the reason. */
  hideEntry(id: string, entryId: string, reason: string): Promise<void>;
  /** Admins only: closes the contest, publishes the results and announces the winner. */
  closeContest(id: string): Promise<ContestSummary>;
  /** Once closed: every visible entry by votes, with authors. */
  contestResults(id: string): Promise<ContestResults>;
  /** An image the API serves to signed-in callers (an `<img>` cannot send the token). */
  image(path: string): Promise<Blob>;
  /** People by name, 2+ characters, at most 20 (facilitators and admins). */
  people(q: string): Promise<PeopleSearch>;
}

export function createApi(apiFetch: ApiFetch): Api {
  return {
    me: () => json<Me>(apiFetch, '/api/v1/me'),
    myResults: async () => {
      try {
        return await json<MyResults>(apiFetch, '/api/v1/me/results');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    myData: async () => (await send(apiFetch, '/api/v1/me/data')).text(),
    eraseMyData: async () => {
      await send(apiFetch, '/api/v1/me/data', { method: 'DELETE' });
    },
    withdrawFacilitatorConsent: async () =>
      (
        await send(apiFetch, '/api/v1/me/facilitator-consent', { method: 'DELETE' })
      ).json() as Promise<FacilitatorConsentWithdrawal>,
    heatmap: ({ campaign, compare, unit = [] }) => {
      const query = new URLSearchParams({ depth: '1' });
      if (campaign) query.set('campaign', campaign);
      if (compare) query.set('compare', compare);
      for (const segment of unit) query.append('unit', segment);
      return json<Heatmap>(apiFetch, `/api/v1/dashboard/heatmap?${query.toString()}`);
    },
    dashboardCampaigns: () => json<DashboardCampaigns>(apiFetch, '/api/v1/dashboard/campaigns'),
    trend: (unit = []) => {
      const query = new URLSearchParams();
      for (const segment of unit) query.append('unit', segment);
      return json<Trend>(apiFetch, `/api/v1/dashboard/trend?${query.toString()}`);
    },
    campaigns: async (kinds) => {
      const query = new URLSearchParams();
      for (const kind of kinds ?? []) query.append('kind', kind);
      const path = query.size > 0 ? `/api/v1/campaigns?${query.toString()}` : '/api/v1/campaigns';
      return (await json<{ campaigns: Campaign[] }>(apiFetch, path)).campaigns;
    },
    departments: async () =>
      (await json<{ departments: string[] }>(apiFetch, '/api/v1/campaigns/departments'))
        .departments,
    previewCampaign: (audience) =>
      post<CampaignPreview>(apiFetch, '/api/v1/campaigns/preview', { audience }),
    startCampaign: (audience) => post<Campaign>(apiFetch, '/api/v1/campaigns', { audience }),
    campaignStatus: (id) => json<CampaignStatus>(apiFetch, campaignPath(id)),
    changeCampaign: (id, action) => post<Campaign>(apiFetch, `${campaignPath(id)}/${action}`),
    unreachable: async (id) =>
      (await json<{ people: UnreachablePerson[] }>(apiFetch, `${campaignPath(id)}/unreachable`))
        .people,
    remind: (id, afterHours) =>
      post<Campaign>(apiFetch, `${campaignPath(id)}/reminders`, { afterHours }),
    facilitatorRounds: async () =>
      (await json<FacilitatorRoundList>(apiFetch, '/api/v1/facilitator-rounds')).rounds,
    createFacilitatorRound: async (round) =>
      (await post<CreatedFacilitatorRound>(apiFetch, '/api/v1/facilitator-rounds', round)).id,
    facilitatorRound: (id) => json<FacilitatorRound>(apiFetch, roundPath(id)),
    changeRoundTargets: (id, targets) =>
      post<FacilitatorRound>(apiFetch, roundPath(id), { targets }, 'PATCH'),
    changeShortlist: (id, change) =>
      post<FacilitatorRound>(apiFetch, `${roundPath(id)}/shortlist`, change),
    inviteRound: async (id) =>
      (await post<FacilitatorInvitations>(apiFetch, `${roundPath(id)}/invitations`)).campaignId,
    audit: (after) => {
      const query = new URLSearchParams({ limit: String(AUDIT_PAGE) });
      if (after) query.set('after', after);
      return json<AuditPage>(apiFetch, `/api/v1/audit?${query.toString()}`);
    },
    auditCsv: async () => (await send(apiFetch, '/api/v1/audit.csv')).text(),
    facilitatorsNearMe: () => json<FacilitatorsNearMe>(apiFetch, '/api/v1/facilitators/near-me'),
    trainingPath: () => json<TrainingPath>(apiFetch, '/api/v1/me/training-path'),
    completeModule: (completion) =>
      post<TrainingPath>(apiFetch, '/api/v1/me/training-path/completions', completion),
    facilitatorRoster: () => json<FacilitatorRoster>(apiFetch, '/api/v1/facilitators'),
    contests: () => json<ContestSummary[]>(apiFetch, '/api/v1/contests'),
    createContest: async (contest) =>
      (await post<Created>(apiFetch, '/api/v1/contests', contest)).id,
    contestEntries: (id) => json<ContestEntry[]>(apiFetch, `${contestPath(id)}/entries`),
    submitEntry: async (id, { image, title, description }) => {
      const form = new FormData();
      form.append('title', title);
      form.append('description', description);
      form.append('image', image);
      const response = await send(apiFetch, `${contestPath(id)}/entries`, {
        method: 'POST',
        body: form,
      });
      return ((await response.json()) as Created).id;
    },
    vote: async (id, entryId) => {
      await post(apiFetch, `${entryPath(id, entryId)}/vote`, {}, 'PUT');
    },
    hideEntry: async (id, entryId, reason) => {
      await post(apiFetch, `${entryPath(id, entryId)}/hide`, { reason });
    },
    closeContest: (id) => post<ContestSummary>(apiFetch, `${contestPath(id)}/close`),
    contestResults: (id) => json<ContestResults>(apiFetch, `${contestPath(id)}/results`),
    image: async (path) => (await send(apiFetch, path)).blob(),
    people: (q) => json<PeopleSearch>(apiFetch, `/api/v1/people?${new URLSearchParams({ q })}`),
    facilitatorRosterCsv: async () => (await send(apiFetch, '/api/v1/facilitators.csv')).text(),
    importCompletions: async (csv) => {
      const response = await send(apiFetch, '/api/v1/training-completions', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      return (await response.json()) as TrainingImport;
    },
    ideas: createIdeasApi(apiFetch),
    surveyTemplates: async () =>
      (await json<{ templates: SurveyTemplate[] }>(apiFetch, '/api/v1/survey-templates')).templates,
    surveys: async () =>
      (await json<{ surveys: SurveySummary[] }>(apiFetch, '/api/v1/surveys')).surveys,
    survey: (id) => json<Survey>(apiFetch, surveyPath(id)),
    createSurvey: async (survey) =>
      (await post<{ id: string }>(apiFetch, '/api/v1/surveys', survey)).id,
    updateSurvey: (id, survey) => post<Survey>(apiFetch, surveyPath(id), survey, 'PUT'),
    surveyCard: (id, locale, page) => {
      const query = new URLSearchParams({ locale, page: String(page) });
      return json<SurveyCardPreview>(apiFetch, `${surveyPath(id)}/card?${query.toString()}`);
    },
    launchSurvey: async (id) =>
      (await post<{ campaignId: string }>(apiFetch, `${surveyPath(id)}/launch`)).campaignId,
    remindSurvey: async (id) =>
      (await post<{ campaignId: string }>(apiFetch, `${surveyPath(id)}/reminders`)).campaignId,
    closeSurvey: (id) => post<Survey>(apiFetch, `${surveyPath(id)}/close`),
    surveyResults: (id, department) =>
      json<SurveyResults>(apiFetch, `${surveyPath(id)}/results${inDepartment(department)}`),
    surveyResultsCsv: async (id, department) =>
      (await send(apiFetch, `${surveyPath(id)}/results.csv${inDepartment(department)}`)).text(),
  };
}
