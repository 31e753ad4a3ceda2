import {
  Button,
  Card,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TrainingPath, TrainingPathModule } from '../../api/types';
import { isMessageKey, useI18n, type Locale, type Translate } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useMyPathStyles } from './MyPath.styles';
import { useTrainingPath } from './use-training-path';

const hours = (locale: Locale, value: number) =>
  value.toLocaleString(locale, { maximumFractionDigits: 1 });

const day = (locale: Locale, date: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

function formatName(t: Translate, format: string): string {
  const key = `path.format.${format}`;
  return isMessageKey(key) ? t(key) : format;
}

function status(t: Translate, locale: Locale, module: TrainingPathModule): string {
  return module.done
    ? t('path.status.done', {
        date: day(locale, module.done.date),
        hours: hours(locale, module.done.hours),
      })
    : t('path.status.todo');
}

type Completion = { moduleId: string; date: string; hours: number };

function MarkDone({
  path,
  onSave,
  saving,
}: {
  path: TrainingPath;
  onSave: (completion: Completion) => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  const styles = useMyPathStyles();
  const todo = path.modules.filter((m) => !m.done);
  const [moduleId, setModuleId] = useState(path.next ?? todo[0]?.id ?? '');
  const chosen = todo.find((m) => m.id === moduleId) ?? todo[0];
  const [date, setDate] = useState(path.today);
  const [spent, setSpent] = useState(String(chosen?.hours ?? ''));
  if (!chosen) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ moduleId: chosen.id, date, hours: Number(spent) });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="mark-done-heading">
      <Subtitle2 as="h3" id="mark-done-heading">
        {t('path.markDone.heading')}
      </Subtitle2>
      <Field label={t('path.markDone.module')}>
        <Select
          value={chosen.id}
          onChange={(_e, data) => {
            setModuleId(data.value);
            setSpent(String(todo.find((m) => m.id === data.value)?.hours ?? ''));
          }}
        >
          {todo.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('path.markDone.date')} required>
        <Input type="date" value={date} max={path.today} onChange={(_e, d) => setDate(d.value)} />
      </Field>
      <Field label={t('path.markDone.hours')} required>
        <Input
          type="number"
          min={0.5}
          max={40}
          step={0.5}
          value={spent}
          onChange={(_e, d) => setSpent(d.value)}
        />
      </Field>
      <Button appearance="primary" type="submit" disabled={saving}>
        {t('path.markDone.save')}
      </Button>
    </form>
  );
}

function PathView({
  path,
  onSave,
  saving,
}: {
  path: TrainingPath;
  onSave: (completion: Completion) => void;
  saving: boolean;
}) {
  const { t, locale } = useI18n();
  const styles = useMyPathStyles();
  const next = path.modules.find((m) => m.id === path.next);
  return (
    <>
      <div className={styles.summary}>
        <Text as="p" block>
          {t('path.hours', {
            done: hours(locale, path.hoursDone),
            target: hours(locale, path.target),
          })}
        </Text>
        <ProgressBar
          value={Math.min(1, path.hoursDone / path.target)}
          aria-label={t('path.hours', {
            done: hours(locale, path.hoursDone),
            target: hours(locale, path.target),
          })}
        />
        <MessageBar intent={path.behindSchedule ? 'warning' : 'success'}>
          <MessageBarBody>
            {path.behindSchedule
              ? t('path.behind', { expected: hours(locale, path.expectedByNow) })
              : t('path.onSchedule')}
          </MessageBarBody>
        </MessageBar>
      </div>
      {next ? (
        <Card className={styles.next}>
          <Subtitle1 as="h3">{t('path.next', { title: next.title })}</Subtitle1>
          <Text as="p" block>
            {next.description}
          </Text>
          <Text as="p" block className={styles.meta}>
            {t('path.moduleMeta', {
              format: formatName(t, next.format),
              hours: hours(locale, next.hours),
            })}
          </Text>
          <Link href={next.link} target="_blank" rel="noreferrer">
            {t('path.open')}
          </Link>
        </Card>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>{t('path.complete')}</MessageBarBody>
        </MessageBar>
      )}
      <Table aria-labelledby="path-modules" className={styles.table}>
        <caption id="path-modules">{t('path.modules')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('path.column.module')}</TableHeaderCell>
            <TableHeaderCell>{t('path.column.why')}</TableHeaderCell>
            <TableHeaderCell>{t('path.column.hours')}</TableHeaderCell>
            <TableHeaderCell>{t('path.column.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {path.modules.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                <Link href={m.link} target="_blank" rel="noreferrer">
                  {m.title}
                </Link>
              </TableCell>
              <TableCell>
                {t(m.reason === 'commonCore' ? 'path.why.commonCore' : 'path.why.growth')}
              </TableCell>
              <TableCell>{hours(locale, m.hours)}</TableCell>
              <TableCell>{status(t, locale, m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MarkDone
        key={path.modules.filter((m) => m.done).length}
        path={path}
        onSave={onSave}
        saving={saving}
      />
    </>
  );
}

/** "Il mio percorso": a facilitator's training path, hours against the target, mark as done. */
export function MyPath() {
  const { t } = useI18n();
  const styles = useMyPathStyles();
  const { path, reload, complete, saving, error } = useTrainingPath();
  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('path.heading')}</Title2>
      {path.state === 'loading' && <Spinner label={t('app.loading')} />}
      {path.state === 'failed' && <ErrorBar error={path.error} onRetry={reload} />}
      {error !== null && <ErrorBar error={error} />}
      {path.state === 'loaded' && (
        <PathView path={path.value} onSave={(c) => void complete(c)} saving={saving} />
      )}
    </div>
  );
}
