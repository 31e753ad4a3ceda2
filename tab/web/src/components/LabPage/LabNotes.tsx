import {
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Lab, LabNoteKind } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { useLabPageStyles } from './LabPage.styles';
import { personName } from './lab-view';
import type { LabWrites } from './use-lab';

const NOTE_MAX = 2000;

/** The log of notes and decisions, newest first; the lab's people add to it. */
export function LabNotes({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t, locale } = useI18n();
  const styles = useLabPageStyles();
  const [kind, setKind] = useState<LabNoteKind>('note');
  const [text, setText] = useState('');
  const writable = lab.permissions.editBoard && lab.status !== 'concluded';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void writes.note(async (api) => {
      const note = await api.addNote(lab.id, { kind, text: text.trim() });
      setText('');
      return note;
    });
  };
  return (
    <div className={styles.section}>
      {writable && (
        <form className={styles.form} onSubmit={submit} aria-labelledby="lab-note-heading">
          <Subtitle2 as="h3" id="lab-note-heading">
            {t('labs.notes.add')}
          </Subtitle2>
          <RadioGroup
            layout="horizontal"
            value={kind}
            onChange={(_e, d) => setKind(d.value as LabNoteKind)}
            aria-label={t('labs.notes.kind')}
          >
            <Radio value="note" label={t('labs.notes.note')} />
            <Radio value="decision" label={t('labs.notes.decision')} />
          </RadioGroup>
          <Field
            label={t('labs.notes.text')}
            hint={t('labs.count', { count: text.length, max: NOTE_MAX })}
            required
          >
            <Textarea
              value={text}
              maxLength={NOTE_MAX}
              resize="vertical"
              onChange={(_e, d) => setText(d.value)}
            />
          </Field>
          <div>
            <Button appearance="primary" type="submit" disabled={busy !== null || !text.trim()}>
              {t('labs.notes.save')}
            </Button>
          </div>
        </form>
      )}
      <Subtitle2 as="h3">{t('labs.notes.heading')}</Subtitle2>
      {lab.notes.length === 0 ? (
        <Text as="p">{t('labs.notes.empty')}</Text>
      ) : (
        <ul className={styles.log}>
          {lab.notes.map((note) => (
            <li key={note.id} className={styles.entry}>
              <div className={styles.row}>
                <Badge appearance="tint" color={note.kind === 'decision' ? 'brand' : 'informative'}>
                  {t(`labs.notes.${note.kind}`)}
                </Badge>
                <Text size={200}>
                  {t('labs.byOn', {
                    name: personName(t, note.author),
                    date: formatDate(note.at, locale),
                  })}
                </Text>
              </div>
              <Text as="p" block className={styles.text}>
                {note.text}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
