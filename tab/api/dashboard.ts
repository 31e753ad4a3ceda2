import { DomainError } from '../../core/errors';
import { PARTICIPANTS } from '../../core/assessment/aggregates';
import { publicationScope } from '../../core/assessment/aggregates-publisher';
import type { AggregatesRepository } from '../../core/assessment/aggregates.repository';
import type {
  AssessmentCampaign,
  AssessmentCampaignsRepository,
} from '../../core/assessment/assessment-campaigns.repository';
import type { AssessmentService } from '../../core/assessment/assessment.service';
import type { Locale } from '../../core/directory/person';
import { compareMeans, type MeanComparison } from '../../core/privacy/comparison';
import type { Publications } from '../../core/privacy/publication';
import {
  bandShares,
  meanOf,
  suppress,
  viewOf,
  type PrivacyView,
  type Suppression,
} from '../../core/privacy/suppression';
import { LruCache } from '../../core/util/lru-cache';

export interface HeatmapCell {
  orgUnitPath: readonly string[];
  /** Hidden for privacy: fewer than k people, or needed to protect a smaller group. */
  hidden: boolean;
  count: number | null;
  mean: number | null;
  bands: Record<string, number> | null;
  /** The unit's own members, beside its sub-units (not a unit one can open). */
  direct: boolean;
  /** Whether the unit has sub-units: a screen may open it (`unit`) one level down. */
  opens: boolean;
  /** With a comparison: the other campaign's mean and the difference, if visible in both. */
  comparison?: MeanComparison;
}

/** A campaign as the dashboard names it, with the thresholds its screens use. */
export interface DashboardCampaign {
  id: string;
  questionnaireId: string;
  version: number;
  title: Record<Locale, string>;
  /** When its thresholds were locked (its first results counted); null before that. */
  lockedAt: string | null;
  k: number;
  freeTextK: number;
}

export interface Heatmap {
  campaign: DashboardCampaign;
  /**
   * When the figures were last published (they change only at publications, in steps of at
   * least k people per unit); null for rounds published before publications were recorded.
   */
  publishedAt: string | null;
  compare: DashboardCampaign | null;
  /** The unit whose sub-units the screen shows. */
  scope: readonly string[];
  /** The caller's whole scope: the widest screen they may open. */
  root: readonly string[];
  participants: { total: number | null; units: HeatmapCell[] };
  dimensions: { id: string; name: Record<Locale, string>; units: HeatmapCell[] }[];
}

export interface HeatmapRequest {
  /** Default: the current campaign. */
  campaign?: string | undefined;
  compare?: string | undefined;
  /** The caller's whole scope. */
  scope: readonly string[];
  /** The unit to open, within `scope` (default: `scope` itself). */
  unit?: readonly string[] | undefined;
  depth: number;
}

/** The dashboard's campaigns, and the one a caller's dashboard opens on. */
export interface DashboardCampaigns {
  current: DashboardCampaign;
  campaigns: DashboardCampaign[];
  /**
   * The newest campaign in which the caller's scope has a visible unit, or null: the running
   * round hides every unit until k people of it have answered, so it is not the one to open on.
   */
  shown: string | null;
}

/** A campaign that has no aggregates and is not the current one. */
export class UnknownCampaignError extends DomainError {
  readonly status = 404;
  readonly code = 'unknownCampaign';
  readonly messageKey = 'dashboard.unknownCampaign';
}

type Described = Omit<AssessmentCampaign, 'lockedAt'> & { lockedAt: Date | null };

/** One campaign × dimension's pattern, and the units that have sub-units to open. */
interface Pattern {
  suppression: Suppression;
  parents: ReadonlySet<string>;
}

interface Patterns {
  campaign: Described;
  publishedAt: Date | null;
  byDimension: Map<string, Pattern>;
}

const pathKey = (path: readonly string[]) => JSON.stringify(path);

function patternOf(suppression: Suppression): Pattern {
  const parents = new Set(
    suppression.tree.nodes
      .filter((node) => !node.direct && node.path.length > 0)
      .map((node) => pathKey(node.path.slice(0, -1))),
  );
  return { suppression, parents };
}

/** Shown values only: a hidden cell carries no number at all. */
function cellsOf(view: PrivacyView, parents: ReadonlySet<string>): HeatmapCell[] {
  return view.rows.map((row) => ({
    orgUnitPath: row.orgUnitPath,
    hidden: row.suppressed,
    count: row.suppressed ? null : row.values.count,
    mean: meanOf(row),
    bands: bandShares(row),
    direct: row.direct,
    opens: !row.direct && parents.has(pathKey(row.orgUnitPath)),
  }));
}

function summaryOf(campaign: Described): DashboardCampaign {
  const { id, questionnaireId, version, title, policy, lockedAt } = campaign;
  return {
    id,
    questionnaireId,
    version,
    title,
    lockedAt: lockedAt?.toISOString() ?? null,
    k: policy.k,
    freeTextK: policy.freeTextK,
  };
}

/**
 * Dashboards are read far more often than the aggregates change: a campaign's suppression
 * patterns are computed once per few seconds and every scope's screen is a cut of them.
 */
const PATTERN_TTL_MS = 5_000;

/**
 * The strengths heat map, from the pre-aggregated rows only, through the privacy engine. Each
 * campaign is suppressed with the thresholds locked for it, whatever the settings are now.
 */
export class Dashboard {
  private readonly patterns = new LruCache<string, Promise<Patterns>>(20, PATTERN_TTL_MS);
  private readonly screens = new LruCache<string, Promise<Heatmap>>(1_000, PATTERN_TTL_MS);

  constructor(
    private readonly deps: {
      aggregates: AggregatesRepository;
      publications: Publications;
      assessmentCampaigns: AssessmentCampaignsRepository;
      current: Pick<AssessmentService, 'campaignId' | 'describeCampaign'>;
    },
  ) {}

  /**
   * The current campaign (even before it has results), every campaign with results, and the
   * newest one with a visible unit in `scope` (from the published cells, newest first).
   */
  async campaigns(scope: readonly string[] = []): Promise<DashboardCampaigns> {
    const [current, campaigns] = await Promise.all([
      this.describe(this.deps.current.campaignId),
      this.deps.assessmentCampaigns.list(),
    ]);
    const newestFirst = [current, ...campaigns.filter((c) => c.id !== current.id)];
    let shown: string | null = null;
    for (const { id } of newestFirst) {
      if (await this.showsSomething(id, scope)) {
        shown = id;
        break;
      }
    }
    return { current: summaryOf(current), campaigns: campaigns.map(summaryOf), shown };
  }

  private async showsSomething(campaignId: string, scope: readonly string[]): Promise<boolean> {
    const pattern = (await this.patternsOf(campaignId)).byDimension.get(PARTICIPANTS);
    if (!pattern) return false;
    const view = viewOf(pattern.suppression, scope, { depth: 1 });
    return !view.total.suppressed || view.rows.some((row) => !row.suppressed);
  }

  /** Per dimension (and participants), each unit `depth` levels below `scope`. */
  heatmap(request: HeatmapRequest): Promise<Heatmap> {
    const {
      campaign = this.deps.current.campaignId,
      compare,
      scope,
      unit = scope,
      depth,
    } = request;
    const key = JSON.stringify([campaign, compare ?? null, scope, unit, depth]);
    const cached = this.screens.get(key);
    if (cached) return cached;
    const building = this.build(campaign, compare, { root: scope, scope: unit }, depth);
    this.screens.set(key, building);
    building.catch(() => this.screens.delete(key));
    return building;
  }

  private async build(
    campaignId: string,
    compareId: string | undefined,
    { root, scope }: { root: readonly string[]; scope: readonly string[] },
    depth: number,
  ): Promise<Heatmap> {
    const [main, other] = await Promise.all([
      this.patternsOf(campaignId),
      compareId === undefined ? undefined : this.patternsOf(compareId),
    ]);
    // Every scope is a cut of the one pattern per campaign × dimension: opening a unit shows
    // its sub-units as hidden or visible exactly as they are on every other screen.
    const view = ({ byDimension }: Patterns, dimension: string): PrivacyView => {
      const pattern = byDimension.get(dimension);
      return pattern
        ? viewOf(pattern.suppression, scope, { depth })
        : { total: { suppressed: true }, rows: [] };
    };
    const parentsOf = (dimension: string) =>
      main.byDimension.get(dimension)?.parents ?? new Set<string>();
    const participants = view(main, PARTICIPANTS);
    return {
      campaign: summaryOf(main.campaign),
      publishedAt: main.publishedAt?.toISOString() ?? null,
      compare: other ? summaryOf(other.campaign) : null,
      scope,
      root,
      participants: {
        total: participants.total.suppressed ? null : participants.total.values.count,
        units: cellsOf(participants, parentsOf(PARTICIPANTS)),
      },
      dimensions: main.campaign.dimensions.map(({ id, name }) => {
        const shown = view(main, id);
        const units = cellsOf(shown, parentsOf(id));
        if (!other) return { id, name, units };
        // Dimensions are matched by id: one the other campaign lacks has no unit to compare.
        const compared = compareMeans(shown, view(other, id));
        return { id, name, units: units.map((cell, i) => ({ ...cell, comparison: compared[i] })) };
      }),
    };
  }

  /** The locked campaign, or the current one as it would be locked now. */
  private async describe(campaignId: string): Promise<Described> {
    const locked = await this.deps.assessmentCampaigns.find(campaignId);
    if (locked) return locked;
    if (campaignId !== this.deps.current.campaignId) throw new UnknownCampaignError(campaignId);
    return { ...this.deps.current.describeCampaign(), lockedAt: null };
  }

  private patternsOf(campaignId: string): Promise<Patterns> {
    const cached = this.patterns.get(campaignId);
    if (cached) return cached;
    const loading = Promise.all([
      this.describe(campaignId),
      this.deps.publications.read(publicationScope(campaignId), () =>
        this.deps.aggregates.campaign(campaignId),
      ),
    ]).then(([campaign, published]) => {
      const dimensions = [PARTICIPANTS, ...campaign.dimensions.map((d) => d.id)];
      // The published patterns' hidden units stay hidden: a pattern never shrinks.
      const byDimension = new Map(
        dimensions.map((dimension) => [
          dimension,
          patternOf(
            suppress(
              published.value.filter((row) => row.dimension === dimension),
              campaign.policy,
              published.hidden.get(dimension),
            ),
          ),
        ]),
      );
      return { campaign, publishedAt: published.publishedAt, byDimension };
    });
    // Concurrent requests share one load; a failed load is not kept.
    this.patterns.set(campaignId, loading);
    loading.catch(() => this.patterns.delete(campaignId));
    return loading;
  }
}
