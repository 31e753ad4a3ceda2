import { Field, Input, Select, Switch, Textarea } from '@fluentui/react-components';
import type { LabTheme } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useLabsStyles } from './Labs.styles';

const TITLE_MAX = 120;
const GOAL_MAX = 2000;

/** What a lab says of itself: as a new lab is started, and as its leads change it later. */
export interface LabDraft {
  theme: string;
  title: string;
  goal: string;
  /** `YYYY-MM-DD`, or '' for none. */
  startDate: string;
  plannedEndDate: string;
  private: boolean;
}

export const isValidLabDraft = (draft: LabDraft): boolean =>
  draft.theme !== '' && draft.title.trim().length >= 3 && draft.goal.trim().length >= 3;

/** The fields of a {@link LabDraft}: theme (with its description), title, goal, dates, private. */
export function LabFields({
  themes,
  draft,
  onChange,
}: {
  themes: readonly LabTheme[];
  draft: LabDraft;
  onChange: (draft: LabDraft) => void;
}) {
  const { t } = useI18n();
  const styles = useLabsStyles();
  const set = (change: Partial<LabDraft>) => onChange({ ...draft, ...change });
  const description = themes.find((x) => x.id === draft.theme)?.description;
  return (
    <>
      <Field label={t('labs.new.theme')} hint={description} required>
        <Select value={draft.theme} onChange={(_e, d) => set({ theme: d.value })}>
          {themes.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('labs.new.title')} required>
        <Input
          value={draft.title}
          maxLength={TITLE_MAX}
          onChange={(_e, d) => set({ title: d.value })}
        />
      </Field>
      <Field
        label={t('labs.new.goal')}
        hint={t('labs.count', { count: draft.goal.length, max: GOAL_MAX })}
        required
      >
        <Textarea
          value={draft.goal}
          maxLength={GOAL_MAX}
          resize="vertical"
          onChange={(_e, d) => set({ goal: d.value })}
        />
      </Field>
      <div className={styles.dates}>
        <Field label={t('labs.new.start')}>
          <Input
            type="date"
            value={draft.startDate}
            onChange={(_e, d) => set({ startDate: d.value })}
          />
        </Field>
        <Field label={t('labs.new.end')}>
          <Input
            type="date"
            value={draft.plannedEndDate}
            min={draft.startDate || undefined}
            onChange={(_e, d) => set({ plannedEndDate: d.value })}
          />
        </Field>
      </div>
      <Switch
        checked={draft.private}
        onChange={(_e, d) => set({ private: d.checked })}
        label={t('labs.new.private')}
      />
    </>
  );
}
