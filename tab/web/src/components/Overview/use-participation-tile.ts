import { useMemo } from 'react';
import type { OverviewParticipation } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { campaignName } from '../Dashboard/campaign-name';
import type { Bar } from './BarFigure';
import { overviewFormat } from './overview-format';

/** The participation tile's words and bars: hidden units and surveys have no bar. */
export function useParticipationTile(data: OverviewParticipation) {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const f = overviewFormat(t, locale);
    const { total } = data;
    const unitBars: Bar[] = data.units.flatMap((unit) =>
      unit.hidden || unit.invited === null || unit.completed === null
        ? []
        : [
            {
              label: f.unit(unit),
              value: unit.completed,
              total: unit.invited,
              text: f.outOf(unit.completed, unit.invited),
            },
          ],
    );
    const weekScale = Math.max(total.invited ?? 0, ...data.weeks.map((week) => week.total ?? 0));
    const weekBars: Bar[] = data.weeks.flatMap((week) =>
      week.total === null
        ? []
        : [
            {
              label: t('overview.participation.week', { date: f.calendarDay(week.startsOn) }),
              value: week.total,
              total: weekScale,
              text:
                total.invited === null ? f.integer(week.total) : f.outOf(week.total, total.invited),
            },
          ],
    );
    const surveyBars: Bar[] = data.surveys.flatMap((survey) =>
      survey.hidden || survey.responses === null || survey.audience === null
        ? []
        : [
            {
              label: survey.title[locale],
              value: survey.responses,
              total: survey.audience,
              text: f.outOf(survey.responses, survey.audience),
            },
          ],
    );
    return {
      f,
      campaign: data.campaign && campaignName(data.campaign, t, locale),
      summary:
        total.hidden || total.completed === null || total.invited === null
          ? t('overview.participation.totalHidden')
          : t('overview.participation.summary', {
              value: f.integer(total.completed),
              total: f.integer(total.invited),
              rate: f.percent(total.rate),
            }),
      unitBars,
      weekBars,
      surveyBars,
    };
  }, [data, t, locale]);
}
