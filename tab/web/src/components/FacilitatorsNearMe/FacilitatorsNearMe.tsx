import { Button, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import type { FacilitatorsNearMe as NearMe } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useFacilitatorsNearMeStyles } from './FacilitatorsNearMe.styles';

function Where({ nearMe }: { nearMe: NearMe }) {
  const { t } = useI18n();
  if (nearMe.facilitators.length === 0) return <>{t('nearMe.none')}</>;
  if (nearMe.scope === 'area')
    return <>{t('nearMe.area', { unit: nearMe.unit ?? t('nearMe.yourArea') })}</>;
  return <>{t('nearMe.department', { unit: nearMe.unit ?? t('nearMe.yourDepartment') })}</>;
}

/** Everyone's way to the digital facilitators nearby: who they are, and a Teams chat with them. */
export function FacilitatorsNearMe() {
  const { t } = useI18n();
  const api = useApi();
  const { openChat } = useTeams();
  const styles = useFacilitatorsNearMeStyles();
  const headingId = useId();
  const load = useCallback(() => api.facilitatorsNearMe(), [api]);
  const [nearMe, reload] = useLoad(load);
  const chat = useAction<string>();

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle1 as="h2" id={headingId}>
        {t('nearMe.heading')}
      </Subtitle1>
      <Text as="p" block>
        {t('nearMe.explain')}
      </Text>
      {nearMe.state === 'loading' && <Spinner size="small" label={t('app.loading')} />}
      {nearMe.state === 'failed' && <ErrorBar error={nearMe.error} onRetry={reload} />}
      {nearMe.state === 'loaded' && (
        <>
          <Text as="p" block>
            <Where nearMe={nearMe.value} />
          </Text>
          {nearMe.value.facilitators.length > 0 && (
            <ul className={styles.list}>
              {nearMe.value.facilitators.map((person) => (
                <li key={person.objectId} className={styles.person}>
                  <span>
                    <Text weight="semibold" block>
                      {person.displayName}
                    </Text>
                    <Text block className={styles.department}>
                      {(person.unit.length > 0 ? person.unit : [person.department]).join(' > ')}
                    </Text>
                  </span>
                  {person.upn !== null && (
                    <Button
                      aria-label={t('nearMe.chatWith', { name: person.displayName })}
                      disabled={chat.busy !== null}
                      onClick={() =>
                        void chat.run(person.objectId, () => openChat(person.upn ?? ''))
                      }
                    >
                      {t('nearMe.chat')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {chat.error !== null && <ErrorBar error={chat.error} />}
        </>
      )}
    </section>
  );
}
