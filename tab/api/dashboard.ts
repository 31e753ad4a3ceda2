import { PARTICIPANTS } from '../../core/assessment/aggregates';
import type { AggregatesRepository } from '../../core/assessment/aggregates.repository';
import type { Questionnaire } from '../../core/assessment/questionnaire';
import {
  bandShares,
  meanOf,
  privacyPolicy,
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
}

/** Shown values only: a hidden cell carries no number at all. */
function cellsOf(view: PrivacyView): HeatmapCell[] {
  return view.rows.map((row) => ({
    orgUnitPath: row.orgUnitPath,
    hidden: row.suppressed,
    count: row.suppressed ? null : row.values.count,
    mean: meanOf(row),
    bands: bandShares(row),
  }));
}

/**
 * Dashboards are read far more often than the aggregates change: a campaign's suppression
 * patterns are computed once per few seconds and every scope's screen is a cut of them.
 */
const PATTERN_TTL_MS = 5_000;

export interface Heatmap {
  k: number;
  scope: readonly string[];
  participants: { total: number | null; units: HeatmapCell[] };
  dimensions: { id: string; name: Record<string, string>; units: HeatmapCell[] }[];
}

/** The strengths heat map, from the pre-aggregated rows only, through the privacy engine. */
export class Dashboard {
  private readonly patterns = new LruCache<string, Promise<Map<string, Suppression>>>(
    20,
    PATTERN_TTL_MS,
  );
  private readonly screens = new LruCache<string, Promise<Heatmap>>(1_000, PATTERN_TTL_MS);

  constructor(
    private readonly aggregates: AggregatesRepository,
    private readonly questionnaire: Questionnaire,
  ) {}

  /** Per dimension (and participants), each unit `depth` levels below `scope`. */
  heatmap(campaignId: string, scope: readonly string[], depth: number): Promise<Heatmap> {
    const key = JSON.stringify([campaignId, scope, depth]);
    const cached = this.screens.get(key);
    if (cached) return cached;
    const building = this.build(campaignId, scope, depth);
    this.screens.set(key, building);
    building.catch(() => this.screens.delete(key));
    return building;
  }

  private async build(
    campaignId: string,
    scope: readonly string[],
    depth: number,
  ): Promise<Heatmap> {
    const policy = privacyPolicy();
    const patterns = await this.patternsOf(campaignId);
    const view = (dimension: string): PrivacyView => {
      const pattern = patterns.get(dimension);
      return pattern
        ? viewOf(pattern, scope, { depth })
        : { total: { suppressed: true }, rows: [] };
    };
    const participants = view(PARTICIPANTS);
    return {
      k: policy.k,
      scope,
      participants: {
        total: participants.total.suppressed ? null : participants.total.values.count,
        units: cellsOf(participants),
      },
      dimensions: this.questionnaire.dimensions.map((dimension) => ({
        id: dimension.id,
        name: dimension.name,
        units: cellsOf(view(dimension.id)),
      })),
    };
  }

  private patternsOf(campaignId: string): Promise<Map<string, Suppression>> {
    const cached = this.patterns.get(campaignId);
    if (cached) return cached;
    const loading = this.aggregates.campaign(campaignId).then((rows) => {
      const policy = privacyPolicy();
      const dimensions = [PARTICIPANTS, ...this.questionnaire.dimensions.map((d) => d.id)];
      return new Map(
        dimensions.map((dimension) => [
          dimension,
          suppress(
            rows.filter((row) => row.dimension === dimension),
            policy,
          ),
        ]),
      );
    });
    // Concurrent requests share one load; a failed load is not kept.
    this.patterns.set(campaignId, loading);
    loading.catch(() => this.patterns.delete(campaignId));
    return loading;
  }
}
