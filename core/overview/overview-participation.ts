import type { Dashboard } from '../dashboard/dashboard';
import type {
  DashboardCampaigns,
  HeatmapCell,
  Overview,
  OverviewDimensionScore,
  OverviewDimensionUnit,
  OverviewParticipationCell,
} from '../../tab/api/contract';
import { unitKey } from '../privacy/suppression';
import type { OverviewRepository } from './overview.repository';

type Participation = Omit<Overview['participation'], 'surveys'>;

const hiddenUnit = (scope: readonly string[]): OverviewParticipationCell => ({
  orgUnitPath: scope,
  direct: false,
  hidden: true,
  invited: null,
  completed: null,
  rate: null,
});

function participationCellOf(cell: HeatmapCell): OverviewParticipationCell {
  return {
    orgUnitPath: cell.orgUnitPath,
    direct: cell.direct,
    hidden: cell.hidden,
    invited: cell.participation?.headcount ?? null,
    completed: cell.count,
    rate: cell.participation?.rate ?? null,
  };
}

/** A unit's dimensions, strongest first, ranked among its visible means (hidden ones last). */
function ranked(
  cells: readonly { id: string; cell: HeatmapCell | undefined }[],
): OverviewDimensionScore[] {
  const scores = cells.map(({ id, cell }) => ({
    id,
    mean: cell?.mean ?? null,
    comparison: cell?.comparison ?? null,
  }));
  const visible = scores
    .filter((s) => s.mean !== null)
    .sort((a, b) => b.mean! - a.mean! || a.id.localeCompare(b.id));
  const hidden = scores.filter((s) => s.mean === null);
  return [
    ...visible.map((s, i) => ({ ...s, rank: i + 1 })),
    ...hidden.map((s) => ({ ...s, rank: null })),
  ];
}

/**
 * Participation and the dimensions of the newest campaign the scope sees (the dashboard's
 * `shown`), compared with the campaign before it: the heat map's own screen one level below the
 * scope, so every figure is a cut of the same published pattern. The weeks are that campaign's
 * recorded snapshots of the pattern, cut to the same units.
 */
export async function participationViews(
  deps: {
    dashboard: Pick<Dashboard, 'heatmap'>;
    repository: Pick<OverviewRepository, 'weeksOf'>;
  },
  scope: readonly string[],
  campaigns: DashboardCampaigns,
): Promise<{ participation: Participation; dimensions: Overview['dimensions'] }> {
  const shownId = campaigns.shown;
  if (shownId === null) {
    const none: OverviewDimensionUnit = {
      orgUnitPath: scope,
      direct: false,
      hidden: true,
      scores: [],
    };
    return {
      participation: {
        campaign: null,
        publishedAt: null,
        total: hiddenUnit(scope),
        units: [],
        weeks: [],
      },
      dimensions: { campaign: null, compare: null, names: [], total: none, units: [] },
    };
  }
  const older = campaigns.campaigns.slice(
    campaigns.campaigns.findIndex((c) => c.id === shownId) + 1,
  );
  const compare = older[0]?.id;
  const [heatmap, weeks] = await Promise.all([
    deps.dashboard.heatmap({ campaign: shownId, compare, scope, depth: 1 }),
    deps.repository.weeksOf(shownId),
  ]);
  const units = heatmap.participants.units.map(participationCellOf);
  const total = heatmap.participants.totals[0];
  // Each dimension has its own pattern (and units without scores in it): matched by unit.
  const keyOf = (cell: HeatmapCell) => unitKey({ path: cell.orgUnitPath, direct: cell.direct });
  const same = (a: HeatmapCell, b: HeatmapCell) => keyOf(a) === keyOf(b);
  const dimensionUnit = (unit: HeatmapCell): OverviewDimensionUnit => {
    const scores = ranked(
      heatmap.dimensions.map((d) => ({ id: d.id, cell: d.units.find((c) => same(c, unit)) })),
    );
    const hidden = scores.every((s) => s.mean === null);
    return { orgUnitPath: unit.orgUnitPath, direct: unit.direct, hidden, scores };
  };
  const totalScores = ranked(heatmap.dimensions.map((d) => ({ id: d.id, cell: d.totals[0] })));
  return {
    participation: {
      campaign: heatmap.campaign,
      publishedAt: heatmap.publishedAt,
      total: total ? participationCellOf(total) : hiddenUnit(scope),
      units,
      weeks: weeks.map((w) => ({
        week: w.week,
        startsOn: w.startsOn,
        total: w.counts[unitKey({ path: scope, direct: false })] ?? null,
        units: units.map(
          (u) => w.counts[unitKey({ path: u.orgUnitPath, direct: u.direct })] ?? null,
        ),
      })),
    },
    dimensions: {
      campaign: heatmap.campaign,
      compare: heatmap.compare,
      names: heatmap.dimensions.map(({ id, name }) => ({ id, name })),
      total: {
        orgUnitPath: scope,
        direct: false,
        hidden: totalScores.every((s) => s.mean === null),
        scores: totalScores,
      },
      units: heatmap.participants.units.map(dimensionUnit),
    },
  };
}
