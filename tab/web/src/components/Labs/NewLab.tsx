import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useLabsApi } from '../../api/labs';
import type { LabTheme } from '../../api/types';
import { useAction } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { PersonPicker, type PickedPerson } from '../PersonPicker/PersonPicker';
import { useLabsStyles } from './Labs.styles';

const GOAL_MAX = 2000;

/** Facilitators and admins start a lab: theme, title, goal, further leads, dates, private. */
export function NewLab({
  themes,
  onCreated,
}: {
  themes: readonly LabTheme[];
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabsStyles();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState('');
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const [leads, setLeads] = useState<PickedPerson[]>([]);
  const [startDate, setStartDate] = useState('');
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const action = useAction<'create'>();
  const chosenTheme = theme || themes[0]?.id || '';
  const description = themes.find((x) => x.id === chosenTheme)?.description;
  const valid = chosenTheme && title.trim().length >= 3 && goal.trim().length >= 3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run('create', async () => {
      const { id } = await api.create({
        theme: chosenTheme,
        title: title.trim(),
        goal: goal.trim(),
        leads: leads.map((p) => p.objectId),
        startDate: startDate || null,
        plannedEndDate: plannedEndDate || null,
        private: isPrivate,
      });
      setOpen(false);
      onCreated(id);
    });
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('labs.new.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t('labs.new.heading')}</DialogTitle>
            <DialogContent className={styles.form}>
              {action.error !== null && <ErrorBar error={action.error} refusal />}
              <Field label={t('labs.new.theme')} hint={description} required>
                <Select value={chosenTheme} onChange={(_e, d) => setTheme(d.value)}>
                  {themes.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('labs.new.title')} required>
                <Input value={title} maxLength={120} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field
                label={t('labs.new.goal')}
                hint={t('labs.count', { count: goal.length, max: GOAL_MAX })}
                required
              >
                <Textarea
                  value={goal}
                  maxLength={GOAL_MAX}
                  resize="vertical"
                  onChange={(_e, d) => setGoal(d.value)}
                />
              </Field>
              <PersonPicker label={t('labs.new.leads')} picked={leads} onChange={setLeads} />
              <div className={styles.dates}>
                <Field label={t('labs.new.start')}>
                  <Input
                    type="date"
                    value={startDate}
                    onChange={(_e, d) => setStartDate(d.value)}
                  />
                </Field>
                <Field label={t('labs.new.end')}>
                  <Input
                    type="date"
                    value={plannedEndDate}
                    min={startDate || undefined}
                    onChange={(_e, d) => setPlannedEndDate(d.value)}
                  />
                </Field>
              </div>
              <Switch
                checked={isPrivate}
                onChange={(_e, d) => setPrivate(d.checked)}
                label={t('labs.new.private')}
              />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('labs.cancel')}</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={!valid || action.busy !== null}>
                {t('labs.new.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
