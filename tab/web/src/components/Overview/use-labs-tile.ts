import { useMemo } from 'react';
import type { OverviewLabs } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Bar } from './BarFigure';
import { overviewFormat } from './overview-format';

/** Each theme's labs: how many are active, in words and bars. */
export function useLabsTile(data: OverviewLabs) {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const f = overviewFormat(t, locale);
    const bars: Bar[] = data.themes.map((theme) => ({
      label: theme.name[locale],
      value: theme.active,
      total: theme.labs,
      text: f.outOf(theme.active, theme.labs),
    }));
    return {
      f,
      summary: t('overview.labs.summary', {
        active: f.integer(data.total.active),
        labs: f.integer(data.total.labs),
      }),
      bars,
      lastUpdate: (iso: string | null) => (iso === null ? t('overview.never') : f.day(iso)),
    };
  }, [data, t, locale]);
}
