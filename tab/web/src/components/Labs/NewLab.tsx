import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useLabsApi } from '../../api/labs';
import type { LabTheme } from '../../api/types';
import { useAction } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from '../ActionDialog/ActionDialog';
import { PersonPicker, type PickedPerson } from '../PersonPicker/PersonPicker';
import { LabFields, isValidLabDraft, type LabDraft } from './LabFields';

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
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const [leads, setLeads] = useState<PickedPerson[]>([]);
  const action = useAction<'create'>();
  const shown = { ...draft, theme: draft.theme || themes[0]?.id || '' };
  const submit = () => {
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
    <>
      <Button appearance="primary" onClick={() => setOpen(true)}>
        {t('labs.new.open')}
      </Button>
      {open && (
        <ActionDialog
          title={t('labs.new.heading')}
          confirmLabel={t('labs.new.create')}
          confirmDisabled={!isValidLabDraft(shown)}
          busy={action.busy !== null}
          error={action.error}
          onClose={() => setOpen(false)}
          onConfirm={submit}
        >
          <LabFields themes={themes} draft={shown} onChange={setDraft} />
          <PersonPicker label={t('labs.new.leads')} picked={leads} onChange={setLeads} />
        </ActionDialog>
      )}
    </>
  );
}
