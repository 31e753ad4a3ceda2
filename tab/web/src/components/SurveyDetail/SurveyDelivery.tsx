import { Spinner, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { progressView } from '../Campaigns/campaign-view';
import { useCampaignStatus } from '../CampaignDetail/use-campaign-status';
import { CampaignProgress } from '../CampaignProgress/CampaignProgress';
import { ErrorBar } from '../ErrorBar/ErrorBar';

/** How far the sending of the survey card (or of a reminder) is: the campaigns' own progress. */
export function SurveyDelivery({ campaignId, heading }: { campaignId: string; heading: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const ignore = useCallback(() => undefined, []);
  const { status, stalledForMs, error, refresh } = useCampaignStatus(campaignId, ignore);
  const view = status && progressView(status, stalledForMs, locale, t);
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId}>
        {heading}
      </Subtitle2>
      {error !== null && <ErrorBar error={error} onRetry={refresh} />}
      {status && view ? (
        <CampaignProgress status={status} view={view} />
      ) : (
        error === null && <Spinner size="tiny" label={t('app.loading')} />
      )}
    </section>
  );
}
