import type { Heatmap, HeatmapCell } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';
import { campaignName } from './campaign-name';
import { cellReader, type ShownCell } from './shown-cell';

export type { ShownBands, ShownCell, ShownChange, Tone } from './shown-cell';

export interface ShownRow {
  key: string;
  label: string;
  /** A row to compare the units with (the organisation, the opened unit), shown first. */
  reference: boolean;
  /** The unit the row opens into its sub-units, when it has some. */
  opens: readonly string[] | null;
  participants: ShownCell;
  dimensions: ShownCell[];
}

/** What a screen is of: the round, the unit opened, its threshold and its publication. */
export interface HeatmapAbout {
  campaignId: string;
  campaign: string;
  /** The unit opened, by name ("all the organisation" for the whole of it). */
  scope: string;
  scopePath: readonly string[];
  k: number;
  publishedAt: string | null;
}

/** The heat map as the screen shows it; the export is written from this same model. */
export interface HeatmapTable {
  about: HeatmapAbout;
  dimensions: { id: string; name: string }[];
  rows: ShownRow[];
  /** The name of the campaign the differences are from, when comparing. */
  compare: string | null;
}

const keyOf = (cell: HeatmapCell) => `${cell.orgUnitPath.join('\u0000')}|${cell.direct}`;

export function heatmapTable(data: Heatmap, t: Translate, locale: Locale): HeatmapTable {
  const read = cellReader(t, locale);
  const compare = data.compare && campaignName(data.compare, t, locale);
  const changeOf = compare === null ? undefined : read.change(compare);

  const labelOf = (cell: HeatmapCell): string => {
    const below = cell.orgUnitPath.slice(data.scope.length);
    const name = below.join(' › ') || (cell.orgUnitPath.at(-1) ?? '');
    return cell.direct ? t('dashboard.directStaff', { unit: name }) : name;
  };
  const totalLabel = (cell: HeatmapCell): string =>
    cell.orgUnitPath.length === 0
      ? t('dashboard.organisation')
      : t('dashboard.unitTotal', { unit: cell.orgUnitPath.at(-1)! });
  const meanCell = (cell: HeatmapCell | undefined) =>
    read.mean(cell, data.campaign.bands, changeOf?.(cell?.comparison));

  const rowsOf = (
    cells: HeatmapCell[] | undefined,
    dimensions: Map<string, HeatmapCell>[],
    reference: boolean,
  ): ShownRow[] =>
    (cells ?? []).map((unit) => ({
      key: `${reference ? 'total' : 'unit'}|${keyOf(unit)}`,
      label: reference ? totalLabel(unit) : labelOf(unit),
      reference,
      opens: !reference && unit.opens && !unit.direct ? unit.orgUnitPath : null,
      participants: read.count(unit),
      dimensions: dimensions.map((cells) => meanCell(cells.get(keyOf(unit)))),
    }));
  const byDimension = (pick: (d: Heatmap['dimensions'][number]) => HeatmapCell[] | undefined) =>
    data.dimensions.map((dimension) => new Map((pick(dimension) ?? []).map((c) => [keyOf(c), c])));

  return {
    about: {
      campaignId: data.campaign.id,
      campaign: campaignName(data.campaign, t, locale),
      scope: data.scope.join(' › ') || t('dashboard.scopeAll'),
      scopePath: data.scope,
      k: data.campaign.k,
      publishedAt: data.publishedAt,
    },
    compare,
    dimensions: data.dimensions.map((d) => ({ id: d.id, name: d.name[locale] })),
    // The units only appear once some have answered: no organisation row above an empty table.
    rows:
      data.participants.units.length === 0
        ? []
        : [
            ...rowsOf(
              data.participants.totals,
              byDimension((d) => d.totals),
              true,
            ),
            ...rowsOf(
              data.participants.units,
              byDimension((d) => d.units),
              false,
            ),
          ],
  };
}
