import type { Trend } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';
import { campaignName } from './campaign-name';
import { cellReader, type ShownCell } from './shown-cell';

/** A unit's trend as the screen shows it: a row per round, oldest first. */
export interface TrendTable {
  unit: string;
  dimensions: { id: string; name: string }[];
  rounds: { key: string; label: string; participants: ShownCell; dimensions: ShownCell[] }[];
}

export function trendTable(data: Trend, t: Translate, locale: Locale): TrendTable {
  const read = cellReader(t, locale);
  const notAsked: ShownCell = {
    value: '',
    number: null,
    note: t('dashboard.trend.notAsked'),
    tone: 'none',
  };
  return {
    unit: data.scope.join(' › ') || t('dashboard.scopeAll'),
    dimensions: data.dimensions.map((d) => ({ id: d.id, name: d.name[locale] })),
    rounds: data.rounds.map((round, i) => {
      const before = data.rounds[i - 1];
      const change = before && read.change(campaignName(before.campaign, t, locale));
      return {
        key: round.campaign.id,
        label: campaignName(round.campaign, t, locale),
        participants: read.count(round.participants),
        dimensions: round.dimensions.map((cell) =>
          cell === null
            ? notAsked
            : read.mean(cell, round.campaign.bands, change?.(cell.comparison)),
        ),
      };
    }),
  };
}
