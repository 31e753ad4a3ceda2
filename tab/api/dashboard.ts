import { PARTICIPANTS, type AggregateRow } from '../../core/assessment/aggregates';
import type { Questionnaire } from '../../core/assessment/questionnaire';
import {
  bandShares,
  meanOf,
  privacyPolicy,
  protectedView,
  type PrivacyView,
} from '../../core/privacy/suppression';

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
 * The strengths heat map of one campaign within `scope`: per dimension, each unit `depth` levels
 * below the scope, from the pre-aggregated rows only, through the privacy engine.
 */
export function heatmap(
  rows: readonly AggregateRow[],
  questionnaire: Questionnaire,
  scope: readonly string[],
  depth: number,
) {
  const policy = privacyPolicy();
  const view = (dimension: string): PrivacyView =>
    protectedView(
      rows.filter((row) => row.dimension === dimension),
      policy,
      scope,
      { depth },
    );
  const participants = view(PARTICIPANTS);
  return {
    k: policy.k,
    scope,
    participants: {
      total: participants.total.suppressed ? null : participants.total.values.count,
      units: cellsOf(participants),
    },
    dimensions: questionnaire.dimensions.map((dimension) => ({
      id: dimension.id,
      name: dimension.name,
      units: cellsOf(view(dimension.id)),
    })),
  };
}
