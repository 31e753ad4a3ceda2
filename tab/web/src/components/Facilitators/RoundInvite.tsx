import { Button, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FacilitatorRound } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useCampaignStatus } from '../CampaignDetail/use-campaign-status';
import { progressView } from '../Campaigns/campaign-view';
import { CampaignProgress } from '../CampaignProgress/CampaignProgress';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { toInvite } from './shortlist-view';

const ignore = () => undefined;

/** The invitation campaign's progress, as the Campaigns screen shows it. */
function InvitationProgress({ campaignId }: { campaignId: string }) {
  const { t, locale } = useI18n();
  const { status, stalledForMs, error, refresh } = useCampaignStatus(campaignId, ignore);
  if (status) {
    const view = progressView(status, stalledForMs, locale, t);
    return (
      <div role="status" aria-live="polite" aria-atomic="false">
        <CampaignProgress status={status} view={view} />
      </div>
    );
  }
  if (error !== null) return <ErrorBar error={error} onRetry={refresh} />;
  return <Spinner size="tiny" label={t('app.loading')} />;
}

/** Invites the round's proposed people, after saying how many; then follows the sending. */
export function RoundInvite({
  round,
  onInvited,
}: {
  round: FacilitatorRound;
  onInvited: () => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run, clearError } = useAction<'invite'>();
  const count = toInvite(round.candidates);
  const people = new Intl.NumberFormat(locale).format(count);
  const plural = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';

  const invite = async () => {
    await run('invite', async () => {
      await api.inviteRound(round.id);
      onInvited();
    });
    setConfirming(false);
  };

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h4" id={headingId}>
        {t('facilitators.invite.heading')}
      </Subtitle2>
      {round.invitationCampaignId !== null ? (
        <InvitationProgress campaignId={round.invitationCampaignId} />
      ) : (
        <>
          <Text as="p" block>
            {count === 0
              ? t('facilitators.invite.nobody')
              : t(`facilitators.invite.explain.${plural}`, { count: people })}
          </Text>
          {error !== null && !confirming && <ErrorBar error={error} refusal />}
          <div>
            <ConfirmDialog
              trigger={
                <Button appearance="primary" disabled={count === 0 || busy !== null}>
                  {t('facilitators.invite.button')}
                </Button>
              }
              open={confirming}
              onOpenChange={(open) => {
                setConfirming(open);
                clearError();
              }}
              title={t('facilitators.invite.title')}
              confirmLabel={t('facilitators.invite.confirm')}
              dismissLabel={t('facilitators.invite.back')}
              busy={busy !== null}
              onConfirm={() => void invite()}
            >
              <Text as="p" block weight="semibold">
                {t(`facilitators.invite.count.${plural}`, { count: people })}
              </Text>
              <Text as="p" block>
                {t(
                  round.managerApproval
                    ? 'facilitators.invite.withApproval'
                    : 'facilitators.invite.withoutApproval',
                )}
              </Text>
              {error !== null && <ErrorBar error={error} refusal />}
            </ConfirmDialog>
          </div>
        </>
      )}
    </section>
  );
}
