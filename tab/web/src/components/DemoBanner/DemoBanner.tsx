import { Badge, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { DemoIdentity, DemoPersona } from '../../teams/teams-context';
import { useDemoBannerStyles } from './DemoBanner.styles';

function describe(persona: DemoPersona, t: Translate): string {
  const roles = [
    t('role.employee'),
    ...(persona.manager ? [t('role.manager')] : []),
    ...persona.roles.flatMap((role) =>
      role === 'facilitator' ? [t('role.facilitator')] : role === 'admin' ? [t('role.admin')] : [],
    ),
  ];
  return `${persona.displayName} (${roles.join(', ')})`;
}

/** Outside Teams only: says loudly that the identity is simulated, and lets you change it. */
export function DemoBanner({ demo }: { demo: DemoIdentity }) {
  const { t } = useI18n();
  const styles = useDemoBannerStyles();
  return (
    <section className={styles.root} aria-label={t('demo.badge')}>
      <MessageBar intent="warning" layout="multiline" className={styles.message}>
        <MessageBarBody>
          <Badge color="warning" appearance="filled">
            {t('demo.badge')}
          </Badge>{' '}
          {t('demo.banner')}
        </MessageBarBody>
      </MessageBar>
      <Field label={t('demo.identity')} className={styles.field}>
        <Select value={demo.objectId} onChange={(_event, data) => demo.select(data.value)}>
          {demo.personas.map((persona) => (
            <option key={persona.objectId} value={persona.objectId}>
              {describe(persona, t)}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
