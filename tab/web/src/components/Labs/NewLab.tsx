import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useLabsApi } from '../../api/labs';
import type { LabTheme } from '../../api/types';
import { useAction } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { LabPeoplePicker, type PickedPerson } from '../LabPeople/LabPeoplePicker';
import { LabFields, isValidLabDraft, type LabDraft } from './LabFields';
import { useLabsStyles } from './Labs.styles';

const EMPTY: LabDraft = {
  theme: '',
  title: '',
  goal: '',
  startDate: '',
  plannedEndDate: '',
  private: false,
};

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
  const [draft, setDraft] = useState(EMPTY);
  const [leads, setLeads] = useState<PickedPerson[]>([]);
  const action = useAction<'create'>();
  const shown = { ...draft, theme: draft.theme || themes[0]?.id || '' };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run('create', async () => {
      const { id } = await api.create({
        theme: shown.theme,
        title: shown.title.trim(),
        goal: shown.goal.trim(),
        leads: leads.map((p) => p.objectId),
        startDate: shown.startDate || null,
        plannedEndDate: shown.plannedEndDate || null,
        private: shown.private,
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
              <LabFields themes={themes} draft={shown} onChange={setDraft} />
              <LabPeoplePicker label={t('labs.new.leads')} picked={leads} onChange={setLeads} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('labs.cancel')}</Button>
              </DialogTrigger>
              <Button
                appearance="primary"
                type="submit"
                disabled={!isValidLabDraft(shown) || action.busy !== null}
              >
                {t('labs.new.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
