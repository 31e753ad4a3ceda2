import { Card, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useId } from 'react';
import type { FacilitatorRound } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { CoverageMap } from './CoverageMap';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { RoundInvite } from './RoundInvite';
import { RoundPreparing } from './RoundPreparing';
import { Shortlist } from './Shortlist';

/** How often a round still preparing is read again. */
export const PREPARING_POLL_MS = 2000;

/**
 * One round: its settings, coverage map, shortlist and invitation; while it is preparing, its
 * progress, read again every {@link PREPARING_POLL_MS}. `onChanged`: targets or the shortlist
 * written; `onReady`: its preparation ended while shown; `onInvited`: the invitation started.
 */
export function RoundView({
  id,
  onChanged,
  onReady,
  onInvited,
}: {
  id: string;
  onChanged: () => void;
  onReady: () => void;
  onInvited: () => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const load = useCallback(() => api.facilitatorRound(id), [api, id]);
  const [round, reload, set] = useLoad(load);
  const current = round.state === 'loaded' ? round.value : null;
  useEffect(() => {
    if (current?.status !== 'preparing') return;
    let live = true;
    const timer = setTimeout(() => {
      load().then(
        (next) => {
          if (!live) return;
          set(next);
          if (next.status === 'ready') onReady();
        },
        // A failed read shows its error, with a retry, as the first one does.
        () => live && reload(),
      );
    }, PREPARING_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [current, load, set, reload, onReady]);
  const changed = useCallback(
    (next: FacilitatorRound) => {
      set(next);
      onChanged();
    },
    [set, onChanged],
  );

  return (
    <Card className={styles.card}>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle1 as="h3" id={headingId}>
          {round.state === 'loaded'
            ? t('facilitators.round.heading', { date: formatDate(round.value.createdAt, locale) })
            : t('facilitators.round.loading')}
        </Subtitle1>
        {round.state === 'loading' && <Spinner label={t('app.loading')} />}
        {round.state === 'failed' && <ErrorBar error={round.error} onRetry={reload} />}
        {round.state === 'loaded' && (
          <>
            <Text as="p" block>
              {t('facilitators.round.settings', {
                digitalSkills: round.value.thresholds.digitalSkills,
                motivation: round.value.thresholds.motivation,
              })}{' '}
              {t(
                round.value.managerApproval
                  ? 'facilitators.round.withApproval'
                  : 'facilitators.round.withoutApproval',
              )}
            </Text>
            {round.value.status === 'preparing' ? (
              <RoundPreparing progress={round.value.progress} />
            ) : (
              <>
                <CoverageMap round={round.value} onChanged={changed} />
                <Shortlist round={round.value} onChanged={changed} />
                <RoundInvite
                  round={round.value}
                  onInvited={() => {
                    reload();
                    onInvited();
                  }}
                />
              </>
            )}
          </>
        )}
      </section>
    </Card>
  );
}
