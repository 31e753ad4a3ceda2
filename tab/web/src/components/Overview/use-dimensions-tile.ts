import { useMemo } from 'react';
import type { OverviewDimensions, OverviewDimensionScore } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { campaignName } from '../Dashboard/campaign-name';
import { cellReader, type ShownChange } from '../Dashboard/shown-cell';
import type { Bar } from './BarFigure';
import { overviewFormat } from './overview-format';

/** How many of the strongest dimensions read as strengths, and of the weakest as growth areas. */
const STRENGTHS = 3;
const GROWTH = 2;

export interface ShownScore {
  id: string;
  name: string;
  rank: number | null;
  /** Null when hidden. */
  mean: string | null;
  change: ShownChange;
}

/** The dimensions ranked in the scope and in each unit, with their change since the round before. */
export function useDimensionsTile(data: OverviewDimensions) {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const f = overviewFormat(t, locale);
    const compare = data.compare && campaignName(data.compare, t, locale);
    const change = cellReader(t, locale).change(compare ?? '');
    const nameOf = (id: string) => data.names.find((n) => n.id === id)?.name[locale] ?? id;
    const shown = (score: OverviewDimensionScore): ShownScore => ({
      id: score.id,
      name: nameOf(score.id),
      rank: score.rank,
      mean: score.mean === null ? null : f.decimal(score.mean),
      change: change(compare === null ? undefined : (score.comparison ?? undefined)),
    });
    const ranking = data.total.hidden ? [] : data.total.scores.map(shown);
    const visible = ranking.filter((score) => score.mean !== null);
    const strengths = visible.slice(0, STRENGTHS);
    const growth = visible.slice(STRENGTHS).slice(-GROWTH);
    const bars: Bar[] = data.total.scores.flatMap((score) =>
      score.mean === null || data.total.hidden
        ? []
        : [
            {
              label: nameOf(score.id),
              value: score.mean,
              total: 100,
              text: [f.decimal(score.mean), shown(score).change.label].filter(Boolean).join(', '),
            },
          ],
    );
    /** A unit's score of one dimension, as "78,4 (1ª)" with its change. */
    const unitScore = (scores: readonly OverviewDimensionScore[], id: string) => {
      const score = scores.find((s) => s.id === id);
      if (!score || score.mean === null || score.rank === null) return null;
      const { change: moved } = shown(score);
      const value = t('overview.dimensions.cell', {
        mean: f.decimal(score.mean),
        rank: score.rank,
      });
      return moved.value ? `${value} ${moved.value}` : value;
    };
    return {
      f,
      campaign: data.campaign && campaignName(data.campaign, t, locale),
      compare,
      ranking,
      strengths: strengths.map((s) => s.name).join(', '),
      growth: growth.map((s) => s.name).join(', '),
      bars,
      unitScore,
    };
  }, [data, t, locale]);
}
