import { Button, Field, Input, Subtitle2, Textarea } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { NewContest } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useContestStyles } from './Contest.styles';

const DATES = ['entriesOpenAt', 'entriesCloseAt', 'votingOpenAt', 'votingCloseAt'] as const;
type DateKey = (typeof DATES)[number];

const DATE_LABELS: Record<DateKey, MessageKey> = {
  entriesOpenAt: 'contest.new.entriesOpenAt',
  entriesCloseAt: 'contest.new.entriesCloseAt',
  votingOpenAt: 'contest.new.votingOpenAt',
  votingCloseAt: 'contest.new.votingCloseAt',
};

/** Admins: a new contest with its texts, its two periods and the entries one person may send. */
export function NewContestForm({
  onCreate,
  busy,
}: {
  onCreate: (contest: NewContest) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const ids = useId();
  const [texts, setTexts] = useState({ title: '', description: '', rules: '' });
  const [dates, setDates] = useState<Record<DateKey, string>>({
    entriesOpenAt: '',
    entriesCloseAt: '',
    votingOpenAt: '',
    votingCloseAt: '',
  });
  const [max, setMax] = useState('1');
  const complete =
    Object.values(texts).every((v) => v.trim() !== '') && DATES.every((k) => dates[k] !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    onCreate({
      title: texts.title.trim(),
      description: texts.description.trim(),
      rules: texts.rules.trim(),
      // The inputs hold the admin's local time; the API takes instants.
      entriesOpenAt: new Date(dates.entriesOpenAt).toISOString(),
      entriesCloseAt: new Date(dates.entriesCloseAt).toISOString(),
      votingOpenAt: new Date(dates.votingOpenAt).toISOString(),
      votingCloseAt: new Date(dates.votingCloseAt).toISOString(),
      maxEntriesPerPerson: Number(max),
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <Subtitle2 as="h3" id={`${ids}-heading`}>
        {t('contest.new.heading')}
      </Subtitle2>
      <Field label={t('contest.new.title')} required>
        <Input
          value={texts.title}
          maxLength={120}
          onChange={(_e, d) => setTexts({ ...texts, title: d.value })}
        />
      </Field>
      <Field label={t('contest.new.description')} required>
        <Textarea
          value={texts.description}
          maxLength={2000}
          resize="vertical"
          onChange={(_e, d) => setTexts({ ...texts, description: d.value })}
        />
      </Field>
      <Field label={t('contest.new.rules')} required>
        <Textarea
          value={texts.rules}
          maxLength={4000}
          resize="vertical"
          onChange={(_e, d) => setTexts({ ...texts, rules: d.value })}
        />
      </Field>
      <div className={styles.dates}>
        {DATES.map((key) => (
          <Field key={key} label={t(DATE_LABELS[key])} required>
            <Input
              type="datetime-local"
              value={dates[key]}
              onChange={(_e, d) => setDates({ ...dates, [key]: d.value })}
            />
          </Field>
        ))}
      </div>
      <Field label={t('contest.new.maxEntries')} required>
        <Input type="number" min={1} max={10} value={max} onChange={(_e, d) => setMax(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || !complete}>
        {t('contest.new.open')}
      </Button>
    </form>
  );
}
