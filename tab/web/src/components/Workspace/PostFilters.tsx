import { Field, SearchBox, Select } from '@fluentui/react-components';
import { POST_CATEGORIES, type PostFilter } from '../../api/posts';
import type { PostCategory } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useWorkspaceStyles } from './Workspace.styles';

/** The search box and the category and tag filters of the post list. */
export function PostFilters({
  text,
  onText,
  filter,
  onFilter,
  tags,
}: {
  text: string;
  onText: (text: string) => void;
  filter: PostFilter;
  onFilter: (filter: PostFilter) => void;
  tags: readonly string[];
}) {
  const { t } = useI18n();
  const styles = useWorkspaceStyles();
  return (
    <div className={styles.filters} role="search" aria-label={t('workspace.filters')}>
      <Field label={t('workspace.search')} className={styles.search}>
        <SearchBox value={text} onChange={(_event, data) => onText(data.value)} />
      </Field>
      <Field label={t('workspace.category')} className={styles.filter}>
        <Select
          value={filter.category ?? ''}
          onChange={(_e, d) =>
            onFilter({ ...filter, category: (d.value || undefined) as PostCategory | undefined })
          }
        >
          <option value="">{t('workspace.allCategories')}</option>
          {POST_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`workspace.category.${category}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('workspace.tag')} className={styles.filter}>
        <Select
          value={filter.tag ?? ''}
          onChange={(_e, d) => onFilter({ ...filter, tag: d.value || undefined })}
        >
          <option value="">{t('workspace.allTags')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
