import { Button, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import type { FacilitatorConsentWithdrawal } from '../../api/types';
import { useEffect, useId, useRef, useState } from 'react';
import { downloadText } from '../../api/download';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useMyDataStyles } from './MyData.styles';

/** Export and erasure of one's own data: the same operations as the bot's commands. */
export function MyData({ onErased }: { onErased: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useMyDataStyles();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [withdrawal, setWithdrawal] = useState<FacilitatorConsentWithdrawal | null>(null);
  const { busy, error, run, clearError } = useAction<'download' | 'erase' | 'withdraw'>();
  const { openedAt } = useTeams();
  const section = useRef<HTMLElement>(null);
  // Opened from the bot's "my data" link: start here (focus also scrolls it into view).
  useEffect(() => {
    if (openedAt === 'my-data') section.current?.focus();
  }, [openedAt]);

  const download = () =>
    run('download', async () => {
      downloadText(t('data.fileName'), await api.myData(), 'application/json');
    });

  const erase = () =>
    run('erase', async () => {
      await api.eraseMyData();
      setConfirming(false);
      onErased();
    });

  // As easy as giving it: one button, no dialog (the chat's «revoca consenso facilitatori»).
  const withdraw = () =>
    run('withdraw', async () => {
      setWithdrawal(await api.withdrawFacilitatorConsent());
    });

  return (
    <section aria-labelledby={headingId} className={styles.root} ref={section} tabIndex={-1}>
      <Subtitle1 as="h2" id={headingId}>
        {t('data.heading')}
      </Subtitle1>
      <Text as="p" block>
        {t('data.explain')}
      </Text>
      {error !== null && !confirming && <ErrorBar error={error} />}
      <div className={styles.actions}>
        <Button
          onClick={() => void download()}
          disabled={busy !== null}
          icon={busy === 'download' ? <Spinner size="tiny" /> : undefined}
        >
          {t('data.download')}
        </Button>
        <ConfirmDialog
          trigger={<Button disabled={busy !== null}>{t('data.erase')}</Button>}
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            clearError();
          }}
          title={t('data.erase.title')}
          confirmLabel={t('data.erase.confirm')}
          dismissLabel={t('data.erase.cancel')}
          busy={busy === 'erase'}
          onConfirm={() => void erase()}
        >
          <Text as="p" block>
            {t('data.erase.body')}
          </Text>
          {error !== null && <ErrorBar error={error} />}
        </ConfirmDialog>
        <Button
          onClick={() => void withdraw()}
          disabled={busy !== null}
          icon={busy === 'withdraw' ? <Spinner size="tiny" /> : undefined}
        >
          {t('data.facilitatorConsent')}
        </Button>
      </div>
      <div role="status">
        {withdrawal && (
          <Text as="p" block>
            {t('data.facilitatorConsent.done')}
            {withdrawal.facilitator && ` ${t('data.facilitatorConsent.facilitator')}`}
          </Text>
        )}
      </div>
    </section>
  );
}
