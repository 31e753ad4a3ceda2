import { useMemo } from 'react';
import type { OverviewIdeas } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { IDEA_STATUSES } from '../Ideas/IdeaList';
import type { Bar } from './BarFigure';
import { overviewFormat } from './overview-format';

/** The ideas' funnel, each status against every idea, in words and bars. */
export function useIdeasTile(data: OverviewIdeas) {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const f = overviewFormat(t, locale);
    const bars: Bar[] = IDEA_STATUSES.map((status) => ({
      label: t(`ideas.status.${status}`),
      value: data.funnel[status],
      total: data.total,
      text: f.outOf(data.funnel[status], data.total),
    }));
    return {
      f,
      summary: t('overview.ideas.summary', {
        total: f.integer(data.total),
        implemented: f.integer(data.implemented),
      }),
      bars,
    };
  }, [data, t, locale]);
}
