import { emptyValues } from '../assessment/aggregates';
import type { Dashboard } from '../dashboard/dashboard';
import type { UnitHeadcounts } from '../directory/headcounts';
import { defaultTarget } from '../facilitators/selection';
import { suppress, viewOf, type Shown } from '../privacy/suppression';
import type { SurveyService } from '../surveys/survey.service';
import { SurveyError } from '../surveys/survey-errors';
import { LruCache } from '../util/lru-cache';
import type { DepartmentFacilitators, IdeaStats, LabStats, OverviewFacts } from './overview-facts';
import { participationViews } from './overview-participation';
import type { OverviewRepository } from './overview.repository';
import type { Overview, OverviewFacilitatorCell, OverviewSurvey } from '../../tab/api/contract';

/** Launched surveys the overview lists, newest first. */
export const OVERVIEW_SURVEYS = 5;
/** As the dashboard's patterns: a publication or a survey's new tallies show within this. */
const ANSWER_TTL_MS = 5_000;

export interface OverviewRequest {
  /** The caller's org subtree: `[]` for admins. */
  scope: readonly string[];
  /** Admins see private labs too. */
  admin: boolean;
}

const NO_FACTS: OverviewFacts = {
  labs: [],
  ideas: {
    total: 0,
    funnel: {
      submitted: 0,
      underReview: 0,
      accepted: 0,
      implemented: 0,
      notFeasible: 0,
      outOfScope: 0,
    },
    areas: [],
    top: [],
  },
  facilitators: [],
};

/**
 * The programme overview: one answer per scope from pre-aggregated rows only — the overview's
 * own (labs, ideas, facilitators, the weeks), the assessment's published aggregates through the
 * dashboard, the surveys' tallies — each through the privacy engine with the heat map's k. One
 * point read per request decides whether the cached answer of the scope still stands (the
 * refreshed rows' etag), so a request's cost does not grow with the data.
 */
export class ProgrammeOverview {
  private readonly answers = new LruCache<string, Promise<Overview>>(1_000, ANSWER_TTL_MS);

  constructor(
    private readonly deps: {
      repository: OverviewRepository;
      dashboard: Pick<Dashboard, 'campaigns' | 'heatmap'>;
      surveys: Pick<SurveyService, 'list' | 'results'>;
      headcounts: { current(): Promise<UnitHeadcounts> };
      trainingTargetHours: number;
    },
  ) {}

  /** The same object for the same scope and rows (the route encodes it once per object). */
  async view(request: OverviewRequest): Promise<Overview> {
    const stored = await this.deps.repository.readFacts();
    const key = JSON.stringify([request.scope, request.admin, stored?.etag ?? null]);
    return this.answers.getOrLoad(key, () =>
      this.build(request, stored?.value.facts ?? NO_FACTS, stored?.value.refreshedAt ?? null),
    );
  }

  private async build(
    { scope, admin }: OverviewRequest,
    facts: OverviewFacts,
    refreshedAt: Date | null,
  ): Promise<Overview> {
    const [campaigns, headcounts, surveys] = await Promise.all([
      this.deps.dashboard.campaigns(scope),
      this.deps.headcounts.current(),
      this.surveys(scope),
    ]);
    const { participation, dimensions } = await participationViews(
      { dashboard: this.deps.dashboard, repository: this.deps.repository },
      scope,
      campaigns,
    );
    return {
      scope,
      refreshedAt: refreshedAt?.toISOString() ?? null,
      participation: { ...participation, surveys },
      dimensions,
      facilitators: this.facilitators(facts.facilitators, scope, campaigns.current.k, headcounts),
      labs: labsView(facts, admin),
      ideas: ideasView(facts.ideas),
    };
  }

  /** The newest launched surveys' response rates in the scope, by each survey's own pattern. */
  private async surveys(scope: readonly string[]): Promise<OverviewSurvey[]> {
    const launched = (await this.deps.surveys.list())
      .filter((survey) => survey.launchedAt)
      .slice(0, OVERVIEW_SURVEYS);
    return Promise.all(
      launched.map(async (survey): Promise<OverviewSurvey> => {
        const base = {
          id: survey.id,
          title: survey.title,
          closesAt: survey.closesAt?.toISOString() ?? null,
        };
        try {
          const results = await this.deps.surveys.results(survey.id, { scope, locale: 'it-IT' });
          const { state, hidden, responses, audience, rate } = results;
          return { ...base, state, hidden, responses, audience: hidden ? null : audience, rate };
        } catch (error) {
          // Being finalised, or a manager below department level: no figure to show.
          if (!(error instanceof SurveyError)) throw error;
          const state = survey.closedAt ? 'closed' : 'open';
          return { ...base, state, hidden: true, responses: null, audience: null, rate: null };
        }
      }),
    );
  }

  /**
   * Facilitators per department: the count and target are public (everyone sees their
   * department's facilitators); the hours are a sum over people, so they go through the privacy
   * engine as a group of that many facilitators (k, complementary suppression). The roster knows
   * departments only: a manager below one sees their department's row.
   */
  private facilitators(
    rows: readonly DepartmentFacilitators[],
    scope: readonly string[],
    k: number,
    headcounts: UnitHeadcounts,
  ): Overview['facilitators'] {
    const staffed = rows.filter((row) => row.facilitators > 0);
    const pattern = suppress(
      staffed.map((row) => ({
        ...emptyValues(),
        orgUnitPath: [row.department],
        count: row.facilitators,
        sumTenths: row.hoursTenths,
      })),
      { k },
    );
    const cellOf = (path: readonly string[], facilitators: number): OverviewFacilitatorCell => {
      const employees = headcounts.subtree(path);
      const target =
        path.length === 0
          ? rows.reduce((sum, row) => sum + defaultTarget(headcounts.subtree([row.department])), 0)
          : defaultTarget(employees);
      const shown: Shown =
        facilitators === 0
          ? { suppressed: false, values: emptyValues() }
          : viewOf(pattern, path, { depth: 1 }).total;
      return {
        orgUnitPath: path,
        employees,
        facilitators,
        target,
        hidden: shown.suppressed,
        trainingHours: shown.suppressed ? null : shown.values.sumTenths / 10,
        trainingTargetHours: shown.suppressed ? null : facilitators * this.deps.trainingTargetHours,
      };
    };
    const count = (department: string) =>
      rows.find((row) => row.department === department)?.facilitators ?? 0;
    if (scope.length > 0) {
      return { total: cellOf([scope[0]!], count(scope[0]!)), units: [] };
    }
    const all = rows.reduce((sum, row) => sum + row.facilitators, 0);
    return {
      total: cellOf([], all),
      units: rows.map((row) => cellOf([row.department], row.facilitators)),
    };
  }
}

function sumLabs(stats: readonly LabStats[]): LabStats {
  return stats.reduce(
    (sum, s) => ({
      labs: sum.labs + s.labs,
      active: sum.active + s.active,
      members: sum.members + s.members,
      tasksDone: sum.tasksDone + s.tasksDone,
      tasksOverdue: sum.tasksOverdue + s.tasksOverdue,
      lastUpdateAt:
        s.lastUpdateAt !== null && (sum.lastUpdateAt === null || s.lastUpdateAt > sum.lastUpdateAt)
          ? s.lastUpdateAt
          : sum.lastUpdateAt,
    }),
    { labs: 0, active: 0, members: 0, tasksDone: 0, tasksOverdue: 0, lastUpdateAt: null },
  );
}

/**
 * Labs are not per unit (members come from anywhere): everyone who steers sees the programme's
 * figures per theme, counts only, as every employee sees the labs themselves; private labs
 * count for admins only, as only admins (and their people) see them.
 */
function labsView(facts: OverviewFacts, admin: boolean): Overview['labs'] {
  const themes = facts.labs.map(({ themeId, name, ...stats }) => ({
    themeId,
    name,
    ...(admin ? stats.all : stats.public),
  }));
  return { themes, total: sumLabs(themes) };
}

/** Ideas are signed and public, by area: the same for every caller, counts and titles only. */
function ideasView(ideas: IdeaStats): Overview['ideas'] {
  return { ...ideas, implemented: ideas.funnel.implemented };
}
