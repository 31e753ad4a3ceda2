import { Badge, Text, type BadgeProps } from '@fluentui/react-components';
import type { SurveyState, SurveySummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ListTable } from '../ListTable/ListTable';

export const surveyStateColor: Record<SurveyState, NonNullable<BadgeProps['color']>> = {
  draft: 'informative',
  scheduled: 'warning',
  open: 'success',
  closed: 'subtle',
};

/** Every survey the caller may see, newest first; the title opens it. */
export function SurveyList({
  surveys,
  onOpen,
}: {
  surveys: readonly SurveySummary[];
  onOpen: (survey: SurveySummary) => void;
}) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <ListTable
      rows={surveys}
      caption={t('surveys.list.caption')}
      empty={t('surveys.list.empty')}
      onOpen={onOpen}
      columns={[
        { header: t('surveys.list.title'), fit: 'wide', cell: (survey) => survey.title[locale] },
        {
          header: t('surveys.list.state'),
          fit: 'nowrap',
          cell: (survey) => (
            <>
              <Badge appearance="tint" color={surveyStateColor[survey.state]}>
                {t(`surveys.state.${survey.state}`)}
              </Badge>{' '}
              <Text size={200}>
                {t(survey.anonymous ? 'surveys.anonymous' : 'surveys.identified')}
              </Text>
            </>
          ),
        },
        {
          header: t('surveys.list.responses'),
          fit: 'nowrap',
          cell: (survey) => (survey.responded === null ? '—' : number.format(survey.responded)),
        },
        {
          header: t('surveys.list.closes'),
          fit: 'nowrap',
          cell: (survey) => (survey.closesAt ? formatDate(survey.closesAt, locale) : '—'),
        },
      ]}
    />
  );
}
