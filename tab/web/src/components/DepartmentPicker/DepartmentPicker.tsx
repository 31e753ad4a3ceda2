import { Combobox, Field, Option, Spinner } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ChosenTags } from '../PersonPicker/ChosenTags';
import { usePickerStyles } from '../PersonPicker/PersonPicker.styles';

/** Lower case without accents: "Área" is found by "area". */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The one way to choose departments (the directory's areas, read when the picker appears): a
 * combobox that keeps the names containing what is typed, several chosen at once; the chosen are
 * tags below that a click or Delete removes.
 */
export function DepartmentPicker({
  selected,
  onChange,
}: {
  selected: readonly string[];
  onChange: (departments: string[]) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = usePickerStyles();
  const [query, setQuery] = useState('');
  const load = useCallback(() => api.departments(), [api]);
  const [departments, reload] = useLoad(load);
  if (departments.state === 'loading') return <Spinner size="tiny" label={t('app.loading')} />;
  if (departments.state === 'failed')
    return <ErrorBar error={departments.error} onRetry={reload} />;
  const shown = departments.value.filter((name) => folded(name).includes(folded(query.trim())));
  return (
    <div className={styles.root}>
      <Field label={t('departments.picker.label')} hint={t('departments.picker.hint')} required>
        <Combobox
          multiselect
          freeform
          value={query}
          placeholder={t('departments.picker.placeholder')}
          selectedOptions={[...selected]}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_event, data) => {
            onChange(data.selectedOptions);
            setQuery('');
          }}
        >
          {shown.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
          {shown.length === 0 && (
            <Option disabled value="" text="">
              {t('departments.picker.none')}
            </Option>
          )}
        </Combobox>
      </Field>
      <ChosenTags
        label={t('departments.picker.chosen')}
        chosen={selected.map((name) => ({ value: name, text: name }))}
        onRemove={(name) => onChange(selected.filter((other) => other !== name))}
      />
    </div>
  );
}
