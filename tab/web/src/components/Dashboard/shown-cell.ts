import type {
  BandId,
  BandThreshold,
  HeatmapCell,
  MeanComparison,
  NoComparison,
} from '../../api/types';
import type { Locale, MessageKey, Translate } from '../../i18n/i18n';

export type Tone = 'base' | 'intermediate' | 'advanced' | 'hidden' | 'none' | 'plain';

/** The difference from the compared campaign: signed points and their reading, or why not. */
export interface ShownChange {
  /** With its direction: "↑ +4,2", "↓ −3,0", "= 0,0". */
  value: string;
  /** The difference as shown (one decimal), for the export; null without one. */
  number: number | null;
  /** The difference in words, for screen readers; empty without one. */
  label: string;
  note: string;
}

/** How a cell's people spread over the bands: the parts to draw, and the same in words. */
export interface ShownBands {
  parts: { band: BandId; share: number; percent: string }[];
  /** "Base 20 %, Intermedio 50 %, Avanzato 30 %". */
  label: string;
}

/** One cell as shown: the number (empty when hidden) and the words beside it. */
export interface ShownCell {
  value: string;
  /** The number as shown (a mean to one decimal), for the export; null when there is none. */
  number: number | null;
  note: string;
  tone: Tone;
  /** Dimension cells of a visible unit. */
  bands?: ShownBands;
  /** Dimension cells of a comparison only. */
  change?: ShownChange;
}

const BANDS: readonly BandId[] = ['base', 'intermediate', 'advanced'];

/** One decimal, as on screen: the export never carries more than the screen shows. */
export const tenths = (value: number) => Math.round(value * 10) / 10;

/**
 * The band a mean falls in under its campaign's thresholds (lowest first, as locked with the
 * campaign): the highest it reaches.
 */
function bandOf(mean: number, bands: readonly BandThreshold[]): BandId {
  return bands.filter((band) => mean >= band.min).at(-1)?.id ?? bands[0]!.id;
}

const NO_CHANGE = {
  hiddenThere: 'dashboard.compareHidden',
  noData: 'dashboard.compareNoData',
  notAsked: 'dashboard.compareNotAsked',
} as const satisfies Record<Exclude<NoComparison, 'hidden'>, MessageKey>;

/** Reads cells as the screens show them, in `locale`. */
export function cellReader(t: Translate, locale: Locale) {
  // One decimal, so that a mean of 49.6 never reads "50" beside the band below 50.
  const decimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const hidden: ShownCell = {
    value: '',
    number: null,
    note: t('dashboard.hidden'),
    tone: 'hidden',
  };
  const noData: ShownCell = { value: '', number: null, note: t('dashboard.noData'), tone: 'none' };

  const bandsOf = (shares: Record<BandId, number>): ShownBands => {
    const parts = BANDS.map((band) => ({
      band,
      share: shares[band],
      percent: percent.format(shares[band]),
    }));
    return {
      parts,
      label: parts.map((p) => `${t(`band.${p.band}`)} ${p.percent}`).join(', '),
    };
  };

  /**
   * A dimension's mean, its band under `bands` (its campaign's thresholds), its spread over the
   * bands and, comparing, its change.
   */
  const mean = (
    cell: HeatmapCell | undefined,
    bands: readonly BandThreshold[],
    change?: ShownChange,
  ): ShownCell => {
    const changed = change && { change };
    if (!cell) return { ...noData, ...changed };
    if (cell.hidden) return { ...hidden, ...changed };
    if (cell.mean === null) return { ...noData, ...changed };
    const tone = bandOf(cell.mean, bands);
    return {
      value: decimal.format(cell.mean),
      number: tenths(cell.mean),
      note: t(`band.${tone}`),
      tone,
      ...(cell.bands ? { bands: bandsOf(cell.bands) } : {}),
      ...changed,
    };
  };

  /** How many answered and, where the directory can say, out of how many. */
  const count = (cell: HeatmapCell): ShownCell => {
    if (cell.hidden) return hidden;
    const answered = cell.count ?? 0;
    const rate = cell.participation;
    return {
      value: integer.format(answered),
      number: answered,
      note: rate
        ? t('dashboard.rate', {
            headcount: integer.format(rate.headcount),
            rate: percent.format(rate.rate),
          })
        : '',
      tone: 'plain',
    };
  };

  /** Reads a comparison with `campaign`: "↑ +4,2" (with "−" below zero) or why there is none. */
  const change = (campaign: string) => {
    const signed = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    const none: ShownChange = { value: '', number: null, label: '', note: '' };
    return (comparison: MeanComparison | undefined): ShownChange => {
      if (!comparison || comparison.reason === 'hidden') return none;
      if (comparison.reason !== null) {
        return { ...none, note: t(NO_CHANGE[comparison.reason], { campaign }) };
      }
      const { delta } = comparison;
      const [key, arrow] =
        delta > 0
          ? (['dashboard.deltaUp', '↑'] as const)
          : delta < 0
            ? (['dashboard.deltaDown', '↓'] as const)
            : (['dashboard.deltaSame', '='] as const);
      return {
        value: `${arrow} ${signed.format(delta).replace('-', '\u2212')}`,
        number: tenths(delta),
        label: t(key, { delta: decimal.format(Math.abs(delta)), campaign }),
        note: '',
      };
    };
  };

  return { mean, count, change };
}
