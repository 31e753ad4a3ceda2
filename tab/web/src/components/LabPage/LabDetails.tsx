import { Button, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLabsApi } from '../../api/labs';
import type { Lab, LabSettingsChange } from '../../api/types';
import { useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { LabFields, isValidLabDraft, type LabDraft } from '../Labs/LabFields';
import { useLabPageStyles } from './LabPage.styles';
import type { LabWrites } from './use-lab';

const draftOf = (lab: Lab): LabDraft => ({
  theme: lab.theme.id,
  title: lab.title,
  goal: lab.goal,
  startDate: lab.startDate ?? '',
  plannedEndDate: lab.plannedEndDate ?? '',
  private: lab.private,
});

/** Only what the draft changed: a PATCH that leaves the rest as another lead may have set it. */
export function changeOf(lab: Lab, draft: LabDraft): LabSettingsChange {
  const before = draftOf(lab);
  const change: LabSettingsChange = {};
  if (draft.theme !== before.theme) change.theme = draft.theme;
  if (draft.title.trim() !== before.title) change.title = draft.title.trim();
  if (draft.goal.trim() !== before.goal) change.goal = draft.goal.trim();
  if (draft.startDate !== before.startDate) change.startDate = draft.startDate || null;
  if (draft.plannedEndDate !== before.plannedEndDate) {
    change.plannedEndDate = draft.plannedEndDate || null;
  }
  if (draft.private !== before.private) change.private = draft.private;
  return change;
}

/** Leads and admins change what the lab says of itself: theme, title, goal, dates, private. */
export function LabDetails({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabPageStyles();
  const loadThemes = useCallback(() => api.themes(), [api]);
  const [themes] = useLoad(loadThemes);
  const [draft, setDraft] = useState(() => draftOf(lab));
  useEffect(() => setDraft(draftOf(lab)), [lab]);
  const change = changeOf(lab, draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void writes.lab('details', (a) => a.change(lab.id, change));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="lab-details">
      <Subtitle2 as="h3" id="lab-details">
        {t('labs.settings.details')}
      </Subtitle2>
      <LabFields
        themes={themes.state === 'loaded' ? themes.value.themes : [lab.theme]}
        draft={draft}
        onChange={setDraft}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy !== null || Object.keys(change).length === 0 || !isValidLabDraft(draft)}
        >
          {t('labs.settings.saveDetails')}
        </Button>
        <Button disabled={Object.keys(change).length === 0} onClick={() => setDraft(draftOf(lab))}>
          {t('labs.settings.undoDetails')}
        </Button>
      </div>
    </form>
  );
}
