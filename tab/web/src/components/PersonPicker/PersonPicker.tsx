import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PeopleSearch } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ChosenTags } from './ChosenTags';
import { usePickerStyles } from './PersonPicker.styles';

export type PickedPerson = PeopleSearch['people'][number];

const MIN_QUERY = 2;
/** Waits this long after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 250;

/**
 * The one way to choose people from the directory: a combobox searched by name (two letters at
 * least, `GET /api/v1/people`), showing name and department; the chosen are tags that a click or
 * Delete removes. `single` keeps one person (a new choice replaces it).
 */
export function PersonPicker({
  label,
  picked,
  onChange,
  exclude = [],
  single = false,
  hint,
  required = false,
  validationMessage,
}: {
  label: string;
  picked: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** Who may not be picked (already in, say, the lab). */
  exclude?: readonly string[];
  single?: boolean;
  /** Shown under the field once the search has enough letters and works. */
  hint?: string;
  required?: boolean;
  /** A problem with the choice (shown as an error). */
  validationMessage?: string | undefined;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = usePickerStyles();
  const [query, setQuery] = useState('');
  /** The last answer and the query it answers ("nobody found" only for the query typed). */
  const [found, setFound] = useState<{ q: string; people: PickedPerson[] }>({ q: '', people: [] });
  const [failed, setFailed] = useState(false);
  const q = query.trim();
  useEffect(() => {
    if (q.length < MIN_QUERY) return;
    let live = true;
    const timer = setTimeout(() => {
      api.people(q).then(
        (answer) => {
          if (!live) return;
          setFailed(false);
          setFound({ q, people: answer.people });
        },
        () => live && setFailed(true),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, q]);

  const taken = new Set([...exclude, ...picked.map((p) => p.objectId)]);
  const searching = q.length >= MIN_QUERY;
  const options = searching ? found.people.filter((p) => !taken.has(p.objectId)) : [];
  const note = !searching ? t('people.picker.hint') : failed ? t('people.picker.failed') : hint;
  return (
    <div className={styles.root}>
      <Field
        label={label}
        hint={note}
        required={required}
        validationState={validationMessage ? 'error' : 'none'}
        validationMessage={validationMessage}
      >
        <Combobox
          freeform
          value={query}
          placeholder={t('people.picker.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          // The chosen are the tags below: the box itself never holds a selection (which it would
          // clear, with an event, at the next keystroke).
          selectedOptions={[]}
          onOptionSelect={(_e, data) => {
            const person = found.people.find((p) => p.objectId === data.optionValue);
            if (!person) return;
            onChange(single ? [person] : [...picked, person]);
            setQuery('');
          }}
        >
          {options.map((p) => (
            <Option key={p.objectId} value={p.objectId} text={p.displayName}>
              {p.department ? `${p.displayName} · ${p.department}` : p.displayName}
            </Option>
          ))}
          {searching && found.q === q && options.length === 0 && !failed && (
            <Option disabled value="" text="">
              {t('people.picker.none')}
            </Option>
          )}
        </Combobox>
      </Field>
      <ChosenTags
        label={t('people.picker.chosen')}
        chosen={picked.map((p) => ({
          value: p.objectId,
          text: p.displayName,
          detail: p.department,
        }))}
        onRemove={(objectId) => onChange(picked.filter((p) => p.objectId !== objectId))}
      />
    </div>
  );
}
