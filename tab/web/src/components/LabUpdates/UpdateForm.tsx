import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Slider,
  Subtitle2,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Lab } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { personName } from '../LabPage/lab-view';
import type { LabWrites } from '../LabPage/use-lab';
import { useLabUpdatesStyles } from './LabUpdates.styles';

export const UPDATE_TEXT_MAX = 2000;
const NEXT_STEPS_MAX = 1000;

/**
 * A lead's update: stored in the timeline, then posted to the lab's channel by the bot. The
 * text's length is counted as it is typed; the count is read out near the limit only.
 */
export function UpdateForm({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const styles = useLabUpdatesStyles();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [withProgress, setWithProgress] = useState(false);
  const [progress, setProgress] = useState(0);
  const [nextSteps, setNextSteps] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const people = lab.members.filter((m) => m.person.objectId);
  const left = UPDATE_TEXT_MAX - text.length;
  const valid = title.trim().length >= 3 && text.trim().length > 0 && left >= 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void writes.update('update', async (api) => {
      const update = await api.postUpdate(lab.id, {
        title: title.trim(),
        text,
        progress: withProgress ? progress : null,
        nextSteps: nextSteps.trim() || null,
        mentions,
      });
      setTitle('');
      setText('');
      setNextSteps('');
      setMentions([]);
      return update;
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="lab-update-heading">
      <Subtitle2 as="h3" id="lab-update-heading">
        {t('labs.updates.new')}
      </Subtitle2>
      {!lab.channel && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('labs.updates.noChannel')}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('labs.updates.title')} required hint={t('labs.updates.titleHint')}>
        <Input value={title} maxLength={120} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label={t('labs.updates.text')}
        required
        hint={
          <span aria-live={left <= 100 ? 'polite' : 'off'}>
            {t('labs.count', { count: text.length, max: UPDATE_TEXT_MAX })}
          </span>
        }
        validationState={left < 0 ? 'error' : 'none'}
      >
        <Textarea
          value={text}
          maxLength={UPDATE_TEXT_MAX}
          resize="vertical"
          rows={6}
          onChange={(_e, d) => setText(d.value)}
        />
      </Field>
      <Switch
        checked={withProgress}
        onChange={(_e, d) => setWithProgress(d.checked)}
        label={t('labs.updates.withProgress')}
      />
      {withProgress && (
        <Field label={t('labs.updates.progress', { progress })}>
          <Slider
            className={styles.slider}
            min={0}
            max={100}
            step={5}
            value={progress}
            onChange={(_e, d) => setProgress(d.value)}
          />
        </Field>
      )}
      <Field label={t('labs.updates.nextSteps')}>
        <Textarea
          value={nextSteps}
          maxLength={NEXT_STEPS_MAX}
          resize="vertical"
          onChange={(_e, d) => setNextSteps(d.value)}
        />
      </Field>
      {people.length > 0 && (
        <fieldset className={styles.people}>
          <legend>{t('labs.updates.mentions')}</legend>
          {people.map((m) => {
            const id = m.person.objectId ?? '';
            return (
              <Checkbox
                key={id}
                label={personName(t, m.person)}
                checked={mentions.includes(id)}
                onChange={(_e, d) =>
                  setMentions(d.checked ? [...mentions, id] : mentions.filter((x) => x !== id))
                }
              />
            );
          })}
        </fieldset>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy !== null || !valid}>
          {t(lab.channel ? 'labs.updates.post' : 'labs.updates.save')}
        </Button>
      </div>
    </form>
  );
}
