import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { IdeaCall, IdeaCallBody, IdeaCallList } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { formatDay, lastDay } from '../Ideas/idea-text';
import { useIdeaCallsStyles } from './IdeaCalls.styles';

/** A date input's value (local day) for an instant, and back: a call closes after its last day. */
const dayOf = (iso: string) => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const startOf = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};

/** A new call, or changes to `call`. */
function CallForm({ call, onSaved }: { call?: IdeaCall; onSaved: (calls: IdeaCallList) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeaCallsStyles();
  const headingId = useId();
  const [title, setTitle] = useState(call?.title ?? '');
  const [question, setQuestion] = useState(call?.question ?? '');
  const [opens, setOpens] = useState(call ? dayOf(call.opensAt) : '');
  const [closes, setCloses] = useState(call ? dayOf(lastDay(call.closesAt)) : '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction<'save'>();
  const datesWrong = Boolean(opens && closes && closes < opens);

  const save = () =>
    run('save', async () => {
      setSaved(false);
      const body: IdeaCallBody = {
        title: title.trim(),
        question: question.trim(),
        opensAt: startOf(opens),
        closesAt: startOf(closes, 1),
      };
      if (call) await api.ideas.changeCall(call.id, body);
      else await api.ideas.createCall(body);
      onSaved(await api.ideas.calls());
      setSaved(true);
    });

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!datesWrong && opens && closes) void save();
      }}
    >
      <Subtitle1 as="h3" id={headingId}>
        {call ? t('ideas.calls.edit', { title: call.title }) : t('ideas.calls.new')}
      </Subtitle1>
      <Field
        label={t('ideas.calls.title')}
        hint={t('ideas.propose.length', { min: 3, max: 200 })}
        required
      >
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label={t('ideas.calls.question')}
        hint={t('ideas.propose.length', { min: 3, max: 1000 })}
        required
      >
        <Textarea value={question} resize="vertical" onChange={(_e, d) => setQuestion(d.value)} />
      </Field>
      <div className={styles.dates}>
        <Field label={t('ideas.calls.opens')} required className={styles.date}>
          <Input type="date" value={opens} onChange={(_e, d) => setOpens(d.value)} />
        </Field>
        <Field
          label={t('ideas.calls.closes')}
          required
          className={styles.date}
          validationState={datesWrong ? 'error' : 'none'}
          validationMessage={datesWrong ? t('ideas.calls.datesWrong') : undefined}
        >
          <Input type="date" value={closes} onChange={(_e, d) => setCloses(d.value)} />
        </Field>
      </div>
      {saved && <Text role="status">{t('ideas.calls.saved')}</Text>}
      {error !== null && <ErrorBar error={error} refusal />}
      <div>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy !== null || !opens || !closes || datesWrong}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {call ? t('ideas.calls.save') : t('ideas.calls.create')}
        </Button>
      </div>
    </form>
  );
}

/** The programme team's calls: every call with its dates, a new one, changes, deletion. */
export function IdeaCalls({
  calls,
  onChanged,
}: {
  calls: IdeaCall[];
  /** The calls as they are after a change. */
  onChanged: (calls: IdeaCallList) => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useIdeaCallsStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const removal = useAction<string>();
  const edited = calls.find((c) => c.id === editing);

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('ideas.calls.heading')}</Title2>
      {calls.length === 0 ? (
        <Text>{t('ideas.calls.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {calls.map((call) => (
            <li key={call.id} className={styles.item}>
              <div className={styles.row}>
                <Text weight="semibold">{call.title}</Text>
                {call.open && (
                  <Badge appearance="tint" color="success">
                    {t('ideas.calls.openBadge')}
                  </Badge>
                )}
              </div>
              <Text>{call.question}</Text>
              <Text className={styles.small}>
                {t('ideas.calls.dates', {
                  from: formatDay(call.opensAt, locale),
                  to: formatDay(lastDay(call.closesAt), locale),
                  count: call.ideas,
                })}
              </Text>
              <div className={styles.row}>
                <Button
                  aria-label={t('ideas.calls.editOf', { title: call.title })}
                  onClick={() => setEditing(call.id)}
                >
                  {t('ideas.calls.change')}
                </Button>
                {call.ideas === 0 && (
                  <Button
                    aria-label={t('ideas.calls.deleteOf', { title: call.title })}
                    disabled={removal.busy !== null}
                    onClick={() =>
                      void removal.run(call.id, async () => {
                        await api.ideas.deleteCall(call.id);
                        onChanged(await api.ideas.calls());
                      })
                    }
                  >
                    {t('ideas.calls.delete')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {removal.error !== null && <ErrorBar error={removal.error} refusal />}
      <Card>
        <CallForm key={edited?.id ?? 'new'} call={edited} onSaved={onChanged} />
      </Card>
    </div>
  );
}
