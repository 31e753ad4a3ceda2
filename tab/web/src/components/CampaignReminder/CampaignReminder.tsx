import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Campaign } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import {
  canRemind,
  formatDate,
  isScheduled,
  REMINDER_DELAYS,
  type ReminderDelay,
} from '../Campaigns/campaign-view';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useCampaignReminderStyles } from './CampaignReminder.styles';

/** A reminder of an invitation to whoever has not completed it, now or some days after it started. */
export function CampaignReminder({
  campaign,
  onCreated,
}: {
  campaign: Campaign;
  onCreated: (reminder: Campaign) => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useCampaignReminderStyles();
  const headingId = useId();
  const [afterHours, setAfterHours] = useState<ReminderDelay>(0);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction<'remind'>();
  const [created, setCreated] = useState<Campaign | null>(null);
  const allowed = canRemind(campaign);

  const send = async () => {
    await run('remind', async () => {
      const reminder = await api.remind(campaign.id, afterHours);
      setCreated(reminder);
      onCreated(reminder);
    });
    setConfirming(false);
  };

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle2 as="h5" id={headingId}>
        {t('campaigns.reminder.heading')}
      </Subtitle2>
      <Text as="p" block>
        {t(allowed ? 'campaigns.reminder.explain' : 'campaigns.reminder.notYet')}
      </Text>
      <div className={styles.row}>
        <Field label={t('campaigns.reminder.when')}>
          <Select
            value={String(afterHours)}
            disabled={!allowed}
            onChange={(_event, data) => setAfterHours(Number(data.value) as ReminderDelay)}
          >
            {REMINDER_DELAYS.map((hours) => (
              <option key={hours} value={hours}>
                {t(`campaigns.reminder.after.${hours}`)}
              </option>
            ))}
          </Select>
        </Field>
        <ConfirmDialog
          trigger={
            <Button disabled={!allowed || busy !== null}>{t('campaigns.reminder.send')}</Button>
          }
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            if (open) setCreated(null);
          }}
          title={t('campaigns.reminder.confirm.title')}
          confirmLabel={t('campaigns.reminder.confirm.ok')}
          dismissLabel={t('campaigns.reminder.confirm.back')}
          busy={busy !== null}
          onConfirm={() => void send()}
        >
          <Text as="p" block>
            {t('campaigns.reminder.confirm.body', {
              when: t(`campaigns.reminder.after.${afterHours}`),
            })}
          </Text>
        </ConfirmDialog>
      </div>
      {error !== null && <ErrorBar error={error} />}
      {created && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {isScheduled(created)
              ? t('campaigns.reminder.scheduled', { date: formatDate(created.notBefore, locale) })
              : t('campaigns.reminder.started')}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
