import { Button, Card, Field, Input, Subtitle2, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ContestEntry } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useContestStyles } from './Contest.styles';
import { useApiImage } from '../../hooks/use-api-image';

/** One entry of the gallery: its image (the title is its alternative text), title and text. */
export function EntryCard({ entry, children }: { entry: ContestEntry; children?: ReactNode }) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const src = useApiImage(entry.thumbnailUrl);
  return (
    <Card className={styles.entry}>
      {src ? (
        <img className={styles.thumbnail} src={src} alt={entry.title} />
      ) : (
        <div className={styles.thumbnail} role="img" aria-label={entry.title} />
      )}
      <Subtitle2 as="h4">{entry.title}</Subtitle2>
      {entry.description && <Text className={styles.text}>{entry.description}</Text>}
      {entry.mine && <Text className={styles.meta}>{t('contest.entry.mine')}</Text>}
      {entry.hidden && (
        <Text role="note">{t('contest.entry.hidden', { reason: entry.hidden.reason })}</Text>
      )}
      {children}
    </Card>
  );
}

/** A moderator's hiding of an entry, with the reason its author will read. */
export function HideEntry({
  entry,
  onHide,
  busy,
}: {
  entry: ContestEntry;
  onHide: (reason: string) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        {t('contest.hide.open', { title: entry.title })}
      </Button>
    );
  }
  return (
    <div className={styles.form}>
      <Field label={t('contest.hide.reason')} hint={t('contest.hide.hint')} required>
        <Input value={reason} maxLength={300} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || reason.trim() === ''}
          onClick={() => onHide(reason.trim())}
        >
          {t('contest.hide.confirm')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('contest.hide.cancel')}</Button>
      </div>
    </div>
  );
}
