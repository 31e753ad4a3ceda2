import type { BandId, Heatmap, HeatmapCell } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';

export type Tone = 'base' | 'intermediate' | 'advanced' | 'hidden' | 'none' | 'plain';

/** One cell as shown: the number (empty when hidden) and the words beside it. */
export interface ShownCell {
  value: string;
  note: string;
  tone: Tone;
}

export interface ShownRow {
  key: string;
  label: string;
  participants: ShownCell;
  dimensions: ShownCell[];
}

/** The heat map as the screen shows it; the CSV export is written from this same model. */
export interface HeatmapTable {
  dimensions: { id: string; name: string }[];
  rows: ShownRow[];
}

const keyOf = (cell: HeatmapCell) => `${cell.orgUnitPath.join('\u0000')}|${cell.direct ?? ''}`;

function toneOf(mean: number): BandId {
  if (mean >= 75) return 'advanced';
  if (mean >= 50) return 'intermediate';
  return 'base';
}

export function heatmapTable(data: Heatmap, t: Translate, locale: Locale): HeatmapTable {
  // One decimal, so that a mean of 49.6 never reads "50" beside the band below 50.
  const decimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const hidden: ShownCell = { value: '', note: t('dashboard.hidden'), tone: 'hidden' };
  const noData: ShownCell = { value: '', note: t('dashboard.noData'), tone: 'none' };
  const depth =
    Math.max(1, ...data.participants.units.map((u) => u.orgUnitPath.length)) - data.scope.length;

  const labelOf = (cell: HeatmapCell): string => {
    const below = cell.orgUnitPath.slice(data.scope.length);
    const own = cell.direct ?? below.length < depth;
    const name = below.join(' › ') || (cell.orgUnitPath.at(-1) ?? '');
    return own ? t('dashboard.directStaff', { unit: name }) : name;
  };
  const meanCell = (cell: HeatmapCell | undefined): ShownCell => {
    if (!cell) return noData;
    if (cell.hidden) return hidden;
    if (cell.mean === null) return noData;
    const tone = toneOf(cell.mean);
    return { value: decimal.format(cell.mean), note: t(`band.${tone}`), tone };
  };
  const countCell = (cell: HeatmapCell): ShownCell => {
    if (cell.hidden) return hidden;
    return { value: integer.format(cell.count ?? 0), note: '', tone: 'plain' };
  };

  const byDimension = data.dimensions.map(
    (dimension) => new Map(dimension.units.map((cell) => [keyOf(cell), cell])),
  );
  return {
    dimensions: data.dimensions.map((d) => ({ id: d.id, name: d.name[locale] })),
    rows: data.participants.units.map((unit) => ({
      key: keyOf(unit),
      label: labelOf(unit),
      participants: countCell(unit),
      dimensions: byDimension.map((cells) => meanCell(cells.get(keyOf(unit)))),
    })),
  };
}

function csvField(text: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Exactly the cells on screen: each column as its number and its words; hidden numbers empty. */
export function heatmapCsv(table: HeatmapTable, t: Translate): string {
  const participants = t('dashboard.participants');
  const header = [
    t('dashboard.unit'),
    participants,
    t('csv.note', { column: participants }),
    ...table.dimensions.flatMap((d) => [
      t('csv.mean', { column: d.name }),
      t('csv.note', { column: d.name }),
    ]),
  ];
  const rows = table.rows.map((row) => [
    row.label,
    ...[row.participants, ...row.dimensions].flatMap((cell) => [cell.value, cell.note]),
  ]);
  return `\uFEFF${[header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
