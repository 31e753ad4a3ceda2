import { Badge, Button, Card, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Campaign, CampaignAction } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import {
  allows,
  describeAudience,
  formatDate,
  isScheduled,
  kindName,
  progressView,
  shownState,
  stateColor,
} from '../Campaigns/campaign-view';
import { CampaignProgress } from '../CampaignProgress/CampaignProgress';
import { CampaignReminder } from '../CampaignReminder/CampaignReminder';
import { CampaignUnreachable } from '../CampaignUnreachable/CampaignUnreachable';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { CampaignCompletions } from './CampaignCompletions';
import { useCampaignDetailStyles } from './CampaignDetail.styles';
import { useCalmText } from './use-calm-text';
import { useCampaignStatus } from './use-campaign-status';

/** One campaign: live progress while it runs, its controls, and (for an invitation) reminders. */
export function CampaignDetail({
  campaign,
  onChange,
}: {
  campaign: Campaign;
  onChange: (campaign: Campaign) => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useCampaignDetailStyles();
  const headingId = useId();
  const { status, stalledForMs, error, refresh, apply } = useCampaignStatus(campaign.id, onChange);
  const { busy, error: actionError, run } = useAction<CampaignAction>();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const current = status ?? campaign;
  const state = shownState(current);
  const view = status && progressView(status, stalledForMs, locale, t);
  const announcement = useCalmText(
    view
      ? t('campaigns.detail.announce', {
          state: t(`campaigns.state.${state}`),
          summary: view.summary,
        })
      : '',
    state,
  );

  const act = async (action: CampaignAction) => {
    await run(action, async () => {
      const changed = await api.changeCampaign(campaign.id, action);
      apply(changed);
      onChange(changed);
      refresh();
    });
    setConfirmingCancel(false);
  };
  const times = [
    ...(current.startedAt
      ? [t('campaigns.detail.started', { date: formatDate(current.startedAt, locale) })]
      : []),
    ...(current.endedAt
      ? [t('campaigns.detail.ended', { date: formatDate(current.endedAt, locale) })]
      : []),
  ];
  const enabled = (action: CampaignAction) => busy === null && allows(current.state, action);

  return (
    <Card className={styles.root}>
      <section aria-labelledby={headingId} className={styles.body}>
        <Subtitle1 as="h4" id={headingId}>
          {t('campaigns.detail.heading', {
            kind: kindName(current.kind, t),
            date: formatDate(current.createdAt, locale),
          })}
        </Subtitle1>
        <div className={styles.meta}>
          <Badge appearance="filled" color={stateColor[state]}>
            {t(`campaigns.state.${state}`)}
          </Badge>
          <Text>{describeAudience(current.audience, t)}</Text>
        </div>
        {isScheduled(current) && (
          <Text as="p" block weight="semibold">
            {t('campaigns.detail.scheduled', { date: formatDate(current.notBefore, locale) })}
          </Text>
        )}
        {times.length > 0 && (
          <Text as="p" block className={styles.muted}>
            {times.join(' · ')}
          </Text>
        )}
        {error !== null && <ErrorBar error={error} onRetry={refresh} />}
        {status && view ? (
          <>
            <CampaignProgress status={status} view={view} />
            <CampaignCompletions completions={status.completions} />
            {status.counts.unreachable > 0 && (
              <CampaignUnreachable campaignId={status.id} count={status.counts.unreachable} />
            )}
          </>
        ) : (
          error === null && <Spinner label={t('app.loading')} />
        )}
        <div role="status" className={styles.visuallyHidden}>
          {announcement}
        </div>
        <div role="group" aria-label={t('campaigns.actions')} className={styles.actions}>
          <Button disabled={!enabled('pause')} onClick={() => void act('pause')}>
            {t('campaigns.action.pause')}
          </Button>
          <Button disabled={!enabled('resume')} onClick={() => void act('resume')}>
            {t('campaigns.action.resume')}
          </Button>
          <ConfirmDialog
            trigger={<Button disabled={!enabled('cancel')}>{t('campaigns.action.cancel')}</Button>}
            open={confirmingCancel}
            onOpenChange={setConfirmingCancel}
            title={t('campaigns.cancel.title')}
            confirmLabel={t('campaigns.cancel.ok')}
            dismissLabel={t('campaigns.cancel.back')}
            busy={busy === 'cancel'}
            onConfirm={() => void act('cancel')}
          >
            <Text as="p" block>
              {t('campaigns.cancel.body')}
            </Text>
          </ConfirmDialog>
        </div>
        {actionError !== null && <ErrorBar error={actionError} />}
        {current.kind === 'assessment' && current.state !== 'cancelled' && (
          <CampaignReminder campaign={current} onCreated={onChange} />
        )}
      </section>
    </Card>
  );
}
