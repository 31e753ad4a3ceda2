import {
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { lazy, Suspense, useId, useState } from 'react';
import type { SurveySummary } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { describeAudience, formatDate } from '../Campaigns/campaign-view';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { draftOf } from '../SurveyBuilder/survey-draft';
import type { BuilderStart } from '../SurveyBuilder/use-survey-builder';
import { surveyStateColor } from '../Surveys/SurveyList';
import { SurveyDelivery } from './SurveyDelivery';
import { useSurveyDetailStyles } from './SurveyDetail.styles';

// The charts come with the results only: the tab's first screen never downloads them.
const SurveyResults = lazy(() =>
  import('../SurveyResults/SurveyResults').then((module) => ({ default: module.SurveyResults })),
);

/**
 * One survey: its state and audience; for admins the sending's progress, a reminder now, closing
 * it, and editing a draft; for everyone who may see them, its results.
 */
export function SurveyDetail({
  survey,
  admin,
  onEdit,
  onChange,
}: {
  survey: SurveySummary;
  admin: boolean;
  onEdit: (start: BuilderStart) => void;
  onChange: () => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useSurveyDetailStyles();
  const headingId = useId();
  const { busy, error, run } = useAction<'edit' | 'remind' | 'close'>();
  const [reminder, setReminder] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const title = survey.title[locale];
  const live = survey.state === 'open' || survey.state === 'scheduled';

  const edit = () =>
    run('edit', async () => onEdit({ id: survey.id, draft: draftOf(await api.survey(survey.id)) }));
  const remind = () => run('remind', async () => setReminder(await api.remindSurvey(survey.id)));
  const close = async () => {
    await run('close', async () => {
      await api.closeSurvey(survey.id);
      onChange();
    });
    setClosing(false);
  };
  const dates = [
    ...(survey.opensAt
      ? [t('surveys.detail.opens', { date: formatDate(survey.opensAt, locale) })]
      : []),
    ...(survey.closesAt
      ? [t('surveys.detail.closes', { date: formatDate(survey.closesAt, locale) })]
      : []),
  ];

  return (
    <div className={styles.root}>
      <Card>
        <section aria-labelledby={headingId} className={styles.card}>
          <Subtitle1 as="h3" id={headingId}>
            {title}
          </Subtitle1>
          <div className={styles.meta}>
            <Badge appearance="filled" color={surveyStateColor[survey.state]}>
              {t(`surveys.state.${survey.state}`)}
            </Badge>
            <Text>{t(survey.anonymous ? 'surveys.anonymous' : 'surveys.identified')}</Text>
            <Text>{describeAudience(survey.audience, t)}</Text>
          </div>
          {dates.length > 0 && (
            <Text as="p" block className={styles.muted}>
              {dates.join(' · ')}
            </Text>
          )}
          {admin && survey.campaignId !== null && (
            <SurveyDelivery campaignId={survey.campaignId} heading={t('surveys.detail.sending')} />
          )}
          {reminder !== null && (
            <>
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>{t('surveys.detail.reminded')}</MessageBarBody>
              </MessageBar>
              <SurveyDelivery campaignId={reminder} heading={t('surveys.detail.reminder')} />
            </>
          )}
          {error !== null && <ErrorBar error={error} refusal />}
          {admin && (
            <div className={styles.actions}>
              {survey.state === 'draft' && (
                <Button appearance="primary" disabled={busy !== null} onClick={() => void edit()}>
                  {t('surveys.detail.edit')}
                </Button>
              )}
              {survey.state === 'open' && (
                <Button disabled={busy !== null} onClick={() => void remind()}>
                  {t('surveys.detail.remind')}
                </Button>
              )}
              {live && (
                <ConfirmDialog
                  trigger={<Button disabled={busy !== null}>{t('surveys.detail.close')}</Button>}
                  open={closing}
                  onOpenChange={setClosing}
                  title={t('surveys.close.title')}
                  confirmLabel={t('surveys.close.ok')}
                  dismissLabel={t('campaigns.new.confirm.back')}
                  busy={busy === 'close'}
                  onConfirm={() => void close()}
                >
                  <Text as="p" block>
                    {t('surveys.close.body')}
                  </Text>
                </ConfirmDialog>
              )}
            </div>
          )}
        </section>
      </Card>
      {survey.state !== 'draft' && (
        <Card>
          <Suspense fallback={<Spinner label={t('app.loading')} />}>
            {/* Read again when the survey opens or closes (closing writes what it still held). */}
            <SurveyResults key={survey.state} surveyId={survey.id} title={title} />
          </Suspense>
        </Card>
      )}
    </div>
  );
}
