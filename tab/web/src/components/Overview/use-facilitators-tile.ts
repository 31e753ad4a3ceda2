import { useMemo } from 'react';
import type { OverviewFacilitatorCell, OverviewFacilitators } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Bar } from './BarFigure';
import { overviewFormat } from './overview-format';

/** Coverage against the target and training hours against the plan, in words and bars. */
export function useFacilitatorsTile(data: OverviewFacilitators) {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const f = overviewFormat(t, locale);
    const hours = (cell: OverviewFacilitatorCell) =>
      cell.hidden || cell.trainingHours === null ? null : f.integer(cell.trainingHours);
    const planned = (cell: OverviewFacilitatorCell) =>
      cell.hidden || cell.trainingTargetHours === null ? null : f.integer(cell.trainingTargetHours);
    const { total } = data;
    const bars: Bar[] = data.units.map((cell) => ({
      label: f.unit(cell),
      value: cell.facilitators,
      // More facilitators than the target fill the bar.
      total: Math.max(cell.target, cell.facilitators),
      text: f.outOf(cell.facilitators, cell.target),
    }));
    return {
      f,
      coverage: t('overview.facilitators.coverage', {
        value: f.integer(total.facilitators),
        total: f.integer(total.target),
        rate: f.rate(total.facilitators, total.target),
      }),
      hours:
        total.hidden || total.trainingHours === null || total.trainingTargetHours === null
          ? t('overview.facilitators.hoursHidden')
          : t('overview.facilitators.hours', {
              value: f.integer(total.trainingHours),
              total: f.integer(total.trainingTargetHours),
              rate: f.rate(total.trainingHours, total.trainingTargetHours),
            }),
      bars,
      hoursOf: hours,
      plannedOf: planned,
    };
  }, [data, t, locale]);
}
