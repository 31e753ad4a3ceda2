import type { BandId, Heatmap, HeatmapCell, MeanComparison, NoComparison } from '../../api/types';
import type { Locale, MessageKey, Translate } from '../../i18n/i18n';
import { campaignName } from './campaign-name';

export type Tone = 'base' | 'intermediate' | 'advanced' | 'hidden' | 'none' | 'plain';

/** The difference from the compared campaign: signed points and their reading, or why not. */
export interface ShownChange {
  value: string;
  /** The difference as shown (one decimal), for the export; null without one. */
  number: number | null;
  /** The difference in words, for screen readers; empty without one. */
  label: string;
  note: string;
}

/** One cell as shown: the number (empty when hidden) and the words beside it. */
export interface ShownCell {
  value: string;
  /** The number as shown (a mean to one decimal), for the export; null when there is none. */
  number: number | null;
  note: string;
  tone: Tone;
  /** Dimension cells of a comparison only. */
  change?: ShownChange;
}

export interface ShownRow {
  key: string;
  label: string;
  /** The unit the row opens into its sub-units, when it has some. */
  opens: string[] | null;
  participants: ShownCell;
  dimensions: ShownCell[];
}

/** What a screen is of: the round, the unit opened, its threshold and its publication. */
export interface HeatmapAbout {
  campaignId: string;
  campaign: string;
  /** The unit opened, by name ("all the organisation" for the whole of it). */
  scope: string;
  scopePath: string[];
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

const keyOf = (cell: HeatmapCell) => `${cell.orgUnitPath.join('\u0000')}|${cell.direct ?? ''}`;

/** One decimal, as on screen: the export never carries more than the screen shows. */
const tenths = (value: number) => Math.round(value * 10) / 10;

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
  const compare = data.compare && campaignName(data.compare, t, locale);
  const changeOf = compare === null ? undefined : changeReader(compare, t, locale);
  const hidden: ShownCell = {
    value: '',
    number: null,
    note: t('dashboard.hidden'),
    tone: 'hidden',
  };
  const noData: ShownCell = { value: '', number: null, note: t('dashboard.noData'), tone: 'none' };
  const depth =
    Math.max(1, ...data.participants.units.map((u) => u.orgUnitPath.length)) - data.scope.length;

  const labelOf = (cell: HeatmapCell): string => {
    const below = cell.orgUnitPath.slice(data.scope.length);
    const own = cell.direct ?? below.length < depth;
    const name = below.join(' › ') || (cell.orgUnitPath.at(-1) ?? '');
    return own ? t('dashboard.directStaff', { unit: name }) : name;
  };
  const meanCell = (cell: HeatmapCell | undefined): ShownCell => {
    const change = changeOf && { change: changeOf(cell?.comparison) };
    if (!cell) return { ...noData, ...change };
    if (cell.hidden) return { ...hidden, ...change };
    if (cell.mean === null) return { ...noData, ...change };
    const tone = toneOf(cell.mean);
    return {
      value: decimal.format(cell.mean),
      number: tenths(cell.mean),
      note: t(`band.${tone}`),
      tone,
      ...change,
    };
  };
  const countCell = (cell: HeatmapCell): ShownCell => {
    if (cell.hidden) return hidden;
    const count = cell.count ?? 0;
    return { value: integer.format(count), number: count, note: '', tone: 'plain' };
  };

  const byDimension = data.dimensions.map(
    (dimension) => new Map(dimension.units.map((cell) => [keyOf(cell), cell])),
  );
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
    rows: data.participants.units.map((unit) => ({
      key: keyOf(unit),
      label: labelOf(unit),
      opens: unit.opens && !unit.direct ? unit.orgUnitPath : null,
      participants: countCell(unit),
      dimensions: byDimension.map((cells) => meanCell(cells.get(keyOf(unit)))),
    })),
  };
}

const NO_CHANGE = {
  hiddenThere: 'dashboard.compareHidden',
  noData: 'dashboard.compareNoData',
} as const satisfies Record<Exclude<NoComparison, 'hidden'>, MessageKey>;

/** Reads a comparison as the screen shows it: "+4,2" (with "−" below zero) or why there is none. */
function changeReader(
  campaign: string,
  t: Translate,
  locale: Locale,
): (comparison: MeanComparison | undefined) => ShownChange {
  const signed = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const points = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const none: ShownChange = { value: '', number: null, label: '', note: '' };
  return (comparison) => {
    if (!comparison || comparison.reason === 'hidden') return none;
    if (comparison.reason !== null) return { ...none, note: t(NO_CHANGE[comparison.reason]) };
    const { delta } = comparison;
    const key =
      delta > 0 ? 'dashboard.deltaUp' : delta < 0 ? 'dashboard.deltaDown' : 'dashboard.deltaSame';
    return {
      value: signed.format(delta).replace('-', '\u2212'),
      number: tenths(delta),
      label: t(key, { delta: points.format(Math.abs(delta)), campaign }),
      note: '',
    };
  };
}
