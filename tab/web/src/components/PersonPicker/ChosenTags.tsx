import { Tag, TagGroup } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { usePickerStyles } from './PersonPicker.styles';

/** What a picker has chosen, as tags that a click or Delete removes (nothing when empty). */
export function ChosenTags({
  label,
  chosen,
  onRemove,
}: {
  label: string;
  chosen: readonly { value: string; text: string; detail?: string | null }[];
  onRemove: (value: string) => void;
}) {
  const { t } = useI18n();
  const styles = usePickerStyles();
  if (chosen.length === 0) return null;
  return (
    <TagGroup
      aria-label={label}
      onDismiss={(_event, data) => onRemove(data.value)}
      className={styles.tags}
    >
      {chosen.map(({ value, text, detail }) => (
        <Tag
          key={value}
          value={value}
          dismissible
          dismissIcon={{ 'aria-label': t('picker.remove', { name: text }) }}
          secondaryText={detail ?? undefined}
        >
          {text}
        </Tag>
      ))}
    </TagGroup>
  );
}
