import { Button, Text } from '@fluentui/react-components';
import type { Lab } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useLabPageStyles } from './LabPage.styles';
import type { LabWrites } from './use-lab';

/** The caller's place in the lab, and what they may do about it: ask, accept, withdraw, leave. */
export function LabMembership({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const styles = useLabPageStyles();
  const join = () => void writes.lab('join', (api) => api.join(lab.id));
  const leave = () => void writes.lab('leave', (api) => api.leave(lab.id));
  const disabled = busy !== null;
  switch (lab.membership) {
    case 'lead':
      return <Text as="p">{t('labs.membership.lead')}</Text>;
    case 'member':
      return (
        <div className={styles.row}>
          <Text>{t('labs.membership.member')}</Text>
          <Button onClick={leave} disabled={disabled}>
            {t('labs.membership.leave')}
          </Button>
        </div>
      );
    case 'invited':
      return (
        <div className={styles.row}>
          <Text>{t('labs.membership.invited')}</Text>
          <Button appearance="primary" onClick={join} disabled={disabled}>
            {t('labs.membership.accept')}
          </Button>
          <Button onClick={leave} disabled={disabled}>
            {t('labs.membership.decline')}
          </Button>
        </div>
      );
    case 'requested':
      return (
        <div className={styles.row}>
          <Text>{t('labs.membership.requested')}</Text>
          <Button onClick={leave} disabled={disabled}>
            {t('labs.membership.withdraw')}
          </Button>
        </div>
      );
    case null:
      return lab.permissions.join ? (
        <div className={styles.row}>
          <Button appearance="primary" onClick={join} disabled={disabled}>
            {t('labs.membership.ask')}
          </Button>
        </div>
      ) : null;
  }
}
