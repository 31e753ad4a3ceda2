import { Combobox, Field, Option, Tag, TagGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useLabsApi } from '../../api/labs';
import type { LabPeopleSearch } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useLabPeopleStyles } from './LabPeople.styles';

export type PickedPerson = LabPeopleSearch['people'][number];

const MIN_QUERY = 2;

/**
 * People from the directory, searched by name (two letters at least) through the labs' own
 * search route; the chosen ones are tags that a click or Delete removes.
 */
export function LabPeoplePicker({
  label,
  picked,
  onChange,
  exclude = [],
}: {
  label: string;
  picked: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** Who may not be picked (already in the lab). */
  exclude?: readonly string[];
}) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabPeopleStyles();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PickedPerson[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.people(q).then(
        (answer) => {
          if (!live) return;
          setFailed(false);
          setFound(answer.people);
        },
        () => live && setFailed(true),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const taken = new Set([...exclude, ...picked.map((p) => p.objectId)]);
  const options = found.filter((p) => !taken.has(p.objectId));
  const hint =
    query.trim().length < MIN_QUERY
      ? t('labs.picker.hint')
      : failed
        ? t('labs.picker.failed')
        : undefined;
  return (
    <div className={styles.picker}>
      <Field label={label} hint={hint}>
        <Combobox
          freeform
          value={query}
          placeholder={t('labs.picker.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_e, data) => {
            const person = found.find((p) => p.objectId === data.optionValue);
            if (person) onChange([...picked, person]);
            setQuery('');
          }}
        >
          {options.map((p) => (
            <Option key={p.objectId} value={p.objectId} text={p.displayName}>
              {p.department ? `${p.displayName} · ${p.department}` : p.displayName}
            </Option>
          ))}
          {query.trim().length >= MIN_QUERY && options.length === 0 && !failed && (
            <Option disabled value="" text="">
              {t('labs.picker.none')}
            </Option>
          )}
        </Combobox>
      </Field>
      {picked.length > 0 && (
        <TagGroup
          aria-label={t('labs.picker.chosen')}
          onDismiss={(_e, data) => onChange(picked.filter((p) => p.objectId !== data.value))}
          className={styles.tags}
        >
          {picked.map((p) => (
            <Tag
              key={p.objectId}
              value={p.objectId}
              dismissible
              dismissIcon={{ 'aria-label': t('labs.picker.remove', { name: p.displayName }) }}
            >
              {p.displayName}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
