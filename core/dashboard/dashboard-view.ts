import type { BandThreshold } from '../assessment/assessment-campaigns.repository';
import type { BandId } from '../assessment/questionnaire';
import type { Locale } from '../directory/person';
import type { MeanComparison } from '../privacy/comparison';

/**
 * What the dashboard's read model answers, ready to send: times as ISO strings, a hidden cell
 * without a number. The tab API's contract (tab/api/contract.ts) declares the same shapes for
 * the web; its routes check these against it (`satisfies`), so a drift fails `tsc`.
 */

/** How many of a unit's people (in the directory today) the published figures count. */
export interface Participation {
  headcount: number;
  /** Published respondents ÷ headcount, 0…1. */
  rate: number;
}

/** One unit of a screen; a hidden cell carries no number at all. */
export interface HeatmapCell {
  orgUnitPath: readonly string[];
  hidden: boolean;
  count: number | null;
  mean: number | null;
  /** The share of the cell's people in each band, 0…1; null when hidden or empty. */
  bands: Record<BandId, number> | null;
  /** The unit's own members, beside its sub-units. */
  direct: boolean;
  /** Whether the unit has sub-units a screen may open. */
  opens: boolean;
  /** Participants cells only: the published count over the directory's headcount. */
  participation?: Participation | null;
  /** Dimension cells, when the screen compares two campaigns. */
  comparison?: MeanComparison;
}

/** An assessment campaign as the dashboard names it, with the thresholds locked for it. */
export interface DashboardCampaign {
  id: string;
  questionnaireId: string;
  version: number;
  title: Record<Locale, string>;
  /** When its thresholds were locked; null before its first results. */
  lockedAt: string | null;
  k: number;
  freeTextK: number;
  /** The band thresholds its results were scored with, lowest first. */
  bands: BandThreshold[];
}

export interface DashboardCampaigns {
  current: DashboardCampaign;
  /** Newest first. */
  campaigns: DashboardCampaign[];
  /** The newest campaign in which the caller's scope has a visible unit, or null. */
  shown: string | null;
}

export interface Heatmap {
  campaign: DashboardCampaign;
  publishedAt: string | null;
  compare: DashboardCampaign | null;
  /** The unit whose sub-units the screen shows. */
  scope: readonly string[];
  /** The caller's whole scope. */
  root: readonly string[];
  participants: { total: number | null; totals: HeatmapCell[]; units: HeatmapCell[] };
  dimensions: {
    id: string;
    name: Record<Locale, string>;
    totals: HeatmapCell[];
    units: HeatmapCell[];
  }[];
}

export interface TrendRound {
  campaign: DashboardCampaign;
  publishedAt: string | null;
  participants: HeatmapCell;
  /** In the order of the trend's dimensions; null where the round did not ask the dimension. */
  dimensions: (HeatmapCell | null)[];
}

/** A unit over every round with results, oldest first. */
export interface Trend {
  scope: readonly string[];
  root: readonly string[];
  dimensions: { id: string; name: Record<Locale, string> }[];
  rounds: TrendRound[];
}
