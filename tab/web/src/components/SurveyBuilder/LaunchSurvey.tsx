import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Survey } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { describeAudience, formatDate } from '../Campaigns/campaign-view';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';

/** Saves the draft, says what launching it will do, and launches it once confirmed. */
export function LaunchSurvey({
  saved,
  busy,
  save,
  launch,
  clearError,
}: {
  saved: Survey | null;
  busy: 'save' | 'launch' | null;
  save: () => Promise<Survey | null>;
  launch: () => Promise<void>;
  clearError: () => void;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);

  const ask = async () => {
    clearError();
    if ((saved ?? (await save())) !== null) setOpen(true);
  };
  const confirm = async () => {
    await launch();
    setOpen(false);
  };

  return (
    <ConfirmDialog
      trigger={
        <Button appearance="primary" disabled={busy !== null}>
          {t('surveys.launch')}
        </Button>
      }
      open={open}
      onOpenChange={(next) => (next ? void ask() : setOpen(false))}
      title={t('surveys.launch.title')}
      confirmLabel={t('surveys.launch.ok')}
      dismissLabel={t('campaigns.new.confirm.back')}
      busy={busy === 'launch'}
      onConfirm={() => void confirm()}
    >
      {saved && (
        <>
          <Text as="p" block weight="semibold">
            {saved.title[locale]}
          </Text>
          <Text as="p" block>
            {t('campaigns.new.confirm.audience', { audience: describeAudience(saved.audience, t) })}
          </Text>
          <Text as="p" block>
            {saved.anonymous ? t('surveys.launch.anonymous') : t('surveys.launch.identified')}
          </Text>
          <Text as="p" block>
            {t('surveys.launch.shape', {
              questions: saved.questions.length,
              pages: saved.pages.length,
            })}
          </Text>
          <Text as="p" block>
            {t('surveys.launch.dates', {
              opens: saved.opensAt ? formatDate(saved.opensAt, locale) : t('surveys.launch.now'),
              closes: saved.closesAt
                ? formatDate(saved.closesAt, locale)
                : t('surveys.launch.defaultClose'),
            })}
          </Text>
          <Text as="p" block>
            {t('surveys.launch.reminders', { count: saved.reminders.length })}
          </Text>
          <Text as="p" block>
            {t('surveys.launch.body', { k: saved.k })}
          </Text>
        </>
      )}
    </ConfirmDialog>
  );
}
