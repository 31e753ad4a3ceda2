import { DomainError } from '../errors';
import { PARTICIPANTS } from '../assessment/aggregates';
import { publicationScope } from '../assessment/aggregates-publisher';
import type { AggregatesRepository } from '../assessment/aggregates.repository';
import type {
  AssessmentCampaign,
  AssessmentCampaignsRepository,
} from '../assessment/assessment-campaigns.repository';
import type { AssessmentService } from '../assessment/assessment.service';
import type { UnitHeadcounts } from '../directory/headcounts';
import { compareMeans } from '../privacy/comparison';
import type { Publications } from '../privacy/publication';
import { suppress, viewOf, type PrivacyView } from '../privacy/suppression';
import { LruCache } from '../util/lru-cache';
import { cellsOf, patternOf, totalsView, withParticipation, type Pattern } from './dashboard-cells';
import type {
  DashboardCampaign,
  DashboardCampaigns,
  Heatmap,
  HeatmapCell,
  Trend,
} from './dashboard-view';

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

/** A campaign that has no aggregates and is not the current one. */
export class UnknownCampaignError extends DomainError {
  readonly status = 404;
  readonly code = 'unknownCampaign';
  readonly messageKey = 'dashboard.unknownCampaign';
}

type Described = Omit<AssessmentCampaign, 'lockedAt'> & { lockedAt: Date | null };

interface Patterns {
  campaign: Described;
  publishedAt: Date | null;
  byDimension: Map<string, Pattern>;
}

function summaryOf(campaign: Described): DashboardCampaign {
  const { id, questionnaireId, version, title, policy, lockedAt, bands } = campaign;
  return {
    id,
    questionnaireId,
    version,
    title,
    lockedAt: lockedAt?.toISOString() ?? null,
    k: policy.k,
    freeTextK: policy.freeTextK,
    bands,
  };
}

/**
 * Dashboards are read far more often than the aggregates change: a campaign's suppression
 * patterns are computed once per few seconds and every scope's screen is a cut of them.
 */
const PATTERN_TTL_MS = 5_000;

/**
 * The strengths heat map, from the pre-aggregated rows only, through the privacy engine. Each
 * campaign is suppressed with the thresholds locked for it, whatever the settings are now. One
 * per app instance (built in `createServices`), so every request shares its caches.
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
      headcounts: { current(): Promise<UnitHeadcounts> };
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
    return this.screens.getOrLoad(key, () =>
      this.build(campaign, compare, { root: scope, scope: unit }, depth),
    );
  }

  private async build(
    campaignId: string,
    compareId: string | undefined,
    { root, scope }: { root: readonly string[]; scope: readonly string[] },
    depth: number,
  ): Promise<Heatmap> {
    const [main, other, headcounts] = await Promise.all([
      this.patternsOf(campaignId),
      compareId === undefined ? undefined : this.patternsOf(compareId),
      this.deps.headcounts.current(),
    ]);
    // Every scope is a cut of the one pattern per campaign × dimension: opening a unit shows
    // its sub-units as hidden or visible exactly as they are on every other screen.
    const view = (pattern: Pattern | undefined): PrivacyView =>
      pattern
        ? viewOf(pattern.suppression, scope, { depth })
        : { total: { suppressed: true }, rows: [] };
    const participants = main.byDimension.get(PARTICIPANTS);
    const rowsOf = (dimension: string, views: (pattern: Pattern | undefined) => PrivacyView) => {
      const pattern = main.byDimension.get(dimension);
      const shown = views(pattern);
      const cells = cellsOf(shown, pattern?.parents ?? new Set());
      if (!other || dimension === PARTICIPANTS) return cells;
      // Dimensions are matched by id: one the other campaign did not ask is said so.
      const compared = compareMeans(
        shown,
        other.byDimension.has(dimension) ? views(other.byDimension.get(dimension)) : undefined,
      );
      return cells.map((cell, i) => ({ ...cell, comparison: compared[i] }));
    };
    const both = (dimension: string) => ({
      totals: rowsOf(dimension, (pattern) => totalsView(pattern, root, scope)),
      units: rowsOf(dimension, view),
    });
    const counted = both(PARTICIPANTS);
    const shownTotal = view(participants).total;
    return {
      campaign: summaryOf(main.campaign),
      publishedAt: main.publishedAt?.toISOString() ?? null,
      compare: other ? summaryOf(other.campaign) : null,
      scope,
      root,
      participants: {
        total: shownTotal.suppressed ? null : shownTotal.values.count,
        totals: counted.totals.map((cell) => withParticipation(cell, headcounts)),
        units: counted.units.map((cell) => withParticipation(cell, headcounts)),
      },
      dimensions: main.campaign.dimensions.map(({ id, name }) => ({ id, name, ...both(id) })),
    };
  }

  /** The opened unit's total per round with results, oldest first, each beside the one before. */
  async trend({ scope, unit = scope }: Pick<HeatmapRequest, 'scope' | 'unit'>): Promise<Trend> {
    const [locked, headcounts] = await Promise.all([
      this.deps.assessmentCampaigns.list(),
      this.deps.headcounts.current(),
    ]);
    const rounds = await Promise.all(locked.reverse().map((c) => this.patternsOf(c.id)));
    const dimensions = new Map<string, Trend['dimensions'][number]>();
    for (const { campaign } of [...rounds].reverse()) {
      for (const { id, name } of campaign.dimensions)
        if (!dimensions.has(id)) dimensions.set(id, { id, name });
    }
    // The unit's own total only: one row, cut from each round's pattern like every screen.
    const totalOf = (pattern: Pattern | undefined): PrivacyView => {
      const { total } = pattern
        ? viewOf(pattern.suppression, unit, { depth: 1 })
        : { total: { suppressed: true as const } };
      return { total, rows: [{ ...total, orgUnitPath: unit, direct: false }] };
    };
    return {
      scope: unit,
      root: scope,
      dimensions: [...dimensions.values()],
      rounds: rounds.map(({ campaign, publishedAt, byDimension }, i) => {
        const before = rounds[i - 1];
        const cellOf = (dimension: string): HeatmapCell | null => {
          const pattern = byDimension.get(dimension);
          if (!pattern) return null;
          const shown = totalOf(pattern);
          const [cell] = cellsOf(shown, new Set());
          if (!before) return cell!;
          const earlier = before.byDimension.get(dimension);
          const [comparison] = compareMeans(shown, earlier && totalOf(earlier));
          return { ...cell!, comparison: comparison! };
        };
        return {
          campaign: summaryOf(campaign),
          publishedAt: publishedAt?.toISOString() ?? null,
          participants: withParticipation(cellOf(PARTICIPANTS)!, headcounts),
          dimensions: [...dimensions.keys()].map(cellOf),
        };
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
    return this.patterns.getOrLoad(campaignId, () => this.loadPatterns(campaignId));
  }

  private loadPatterns(campaignId: string): Promise<Patterns> {
    return Promise.all([
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
  }
}
