import { Spinner, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { FacilitatorRoster } from '../FacilitatorRoster/FacilitatorRoster';
import { AuditLog } from './AuditLog';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { NewRound } from './NewRound';
import { RoundList } from './RoundList';
import { RoundView } from './RoundView';

/**
 * The programme team's digital facilitators: selection rounds, the roster with its training, and
 * the audit log.
 */
export function Facilitators() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const load = useCallback(() => api.facilitatorRounds(), [api]);
  const [rounds, reload] = useLoad(load);
  const [chosen, setChosen] = useState<string | null>(null);
  // Every write on this screen is audited: the log is read again after one.
  const [writes, setWrites] = useState(0);
  const written = useCallback(() => setWrites((n) => n + 1), []);
  const selected = chosen ?? (rounds.state === 'loaded' ? (rounds.value[0]?.id ?? null) : null);

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('facilitators.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t('facilitators.intro')}
      </Text>
      <NewRound
        onCreated={(id) => {
          setChosen(id);
          reload();
          written();
        }}
      />
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle1 as="h3" id={headingId}>
          {t('facilitators.rounds.heading')}
        </Subtitle1>
        {rounds.state === 'loading' && <Spinner label={t('app.loading')} />}
        {rounds.state === 'failed' && <ErrorBar error={rounds.error} onRetry={reload} />}
        {rounds.state === 'loaded' && (
          <RoundList rounds={rounds.value} selected={selected} onSelect={setChosen} />
        )}
      </section>
      {selected && (
        <RoundView
          key={selected}
          id={selected}
          onChanged={written}
          onReady={() => {
            // Kept open while the list is read again.
            setChosen(selected);
            reload();
          }}
          onInvited={() => {
            reload();
            written();
          }}
        />
      )}
      {rounds.state !== 'failed' && (
        <>
          <FacilitatorRoster />
          <AuditLog key={writes} />
        </>
      )}
    </div>
  );
}
