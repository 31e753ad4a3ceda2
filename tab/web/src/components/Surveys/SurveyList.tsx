import {
  Badge,
  Link,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  type BadgeProps,
} from '@fluentui/react-components';
import type { SurveyState, SurveySummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useSurveysStyles } from './Surveys.styles';

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
  const styles = useSurveysStyles();
  const number = new Intl.NumberFormat(locale);
  if (surveys.length === 0) {
    return (
      <Text as="p" block>
        {t('surveys.list.empty')}
      </Text>
    );
  }
  return (
    <ScrollingTable caption={t('surveys.list.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('surveys.list.title')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('surveys.list.state')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('surveys.list.responses')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('surveys.list.closes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {surveys.map((survey) => (
          <TableRow key={survey.id}>
            <TableHeaderCell scope="row" className={styles.title}>
              <Link as="button" onClick={() => onOpen(survey)}>
                {survey.title[locale]}
              </Link>
            </TableHeaderCell>
            <TableCell className={styles.nowrap}>
              <Badge appearance="tint" color={surveyStateColor[survey.state]}>
                {t(`surveys.state.${survey.state}`)}
              </Badge>{' '}
              <Text size={200}>
                {t(survey.anonymous ? 'surveys.anonymous' : 'surveys.identified')}
              </Text>
            </TableCell>
            <TableCell className={styles.nowrap}>
              {survey.responded === null ? '—' : number.format(survey.responded)}
            </TableCell>
            <TableCell className={styles.nowrap}>
              {survey.closesAt ? formatDate(survey.closesAt, locale) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollingTable>
  );
}
