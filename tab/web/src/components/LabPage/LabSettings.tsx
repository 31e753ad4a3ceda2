import { Button, Field, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lab } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ChannelLink } from './ChannelLink';
import { LabDetails } from './LabDetails';
import { useLabPageStyles } from './LabPage.styles';
import type { LabWrites } from './use-lab';

const OUTCOME_MAX = 4000;

/** Leads' settings: the lab's details, its channel, starting a proposed lab, closing it. */
export function LabSettings({
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
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState('');
  if (lab.status === 'concluded') {
    return <Text as="p">{t('labs.settings.concluded')}</Text>;
  }
  return (
    <div className={styles.section}>
      <LabDetails lab={lab} writes={writes} busy={busy} />
      <ChannelLink lab={lab} writes={writes} busy={busy} />
      {lab.status === 'proposed' && (
        <section className={styles.form} aria-labelledby="lab-start">
          <Subtitle2 as="h3" id="lab-start">
            {t('labs.settings.start')}
          </Subtitle2>
          <Text as="p" block>
            {t('labs.settings.startHint')}
          </Text>
          <div>
            <Button
              disabled={busy !== null}
              onClick={() =>
                void writes.lab('status', (api) => api.change(lab.id, { status: 'active' }))
              }
            >
              {t('labs.settings.activate')}
            </Button>
          </div>
        </section>
      )}
      <section className={styles.form} aria-labelledby="lab-close">
        <Subtitle2 as="h3" id="lab-close">
          {t('labs.settings.close')}
        </Subtitle2>
        <Field
          label={t('labs.settings.outcome')}
          hint={t('labs.count', { count: outcome.length, max: OUTCOME_MAX })}
          required
        >
          <Textarea
            value={outcome}
            maxLength={OUTCOME_MAX}
            resize="vertical"
            onChange={(_e, d) => setOutcome(d.value)}
          />
        </Field>
        <ConfirmDialog
          trigger={
            <Button disabled={outcome.trim().length < 3}>{t('labs.settings.closeButton')}</Button>
          }
          open={closing}
          onOpenChange={setClosing}
          title={t('labs.settings.closeTitle', { title: lab.title })}
          confirmLabel={t('labs.settings.closeConfirm')}
          dismissLabel={t('labs.cancel')}
          busy={busy === 'close'}
          onConfirm={() =>
            void writes
              .lab('close', (api) => api.close(lab.id, outcome.trim()))
              .then(() => setClosing(false))
          }
        >
          <Text as="p">{t('labs.settings.closeBody')}</Text>
        </ConfirmDialog>
      </section>
    </div>
  );
}
