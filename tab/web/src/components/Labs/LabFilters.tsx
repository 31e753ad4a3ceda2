import { Field, Select } from '@fluentui/react-components';
import type { LabFilter } from '../../api/labs';
import type { LabStatus, LabTheme } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useLabsStyles } from './Labs.styles';

const STATUSES: readonly LabStatus[] = ['proposed', 'active', 'concluded'];

/** Theme, status and "mine" filters of the lab list. */
export function LabFilters({
  themes,
  filter,
  onChange,
}: {
  themes: readonly LabTheme[];
  filter: LabFilter;
  onChange: (filter: LabFilter) => void;
}) {
  const { t } = useI18n();
  const styles = useLabsStyles();
  return (
    <div className={styles.filters} role="group" aria-label={t('labs.filters')}>
      <Field label={t('labs.filter.theme')} className={styles.filter}>
        <Select
          value={filter.theme ?? ''}
          onChange={(_e, d) => onChange({ ...filter, theme: d.value || undefined })}
        >
          <option value="">{t('labs.filter.allThemes')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('labs.filter.status')} className={styles.filter}>
        <Select
          value={filter.status ?? ''}
          onChange={(_e, d) =>
            onChange({ ...filter, status: (d.value || undefined) as LabStatus | undefined })
          }
        >
          <option value="">{t('labs.filter.allStatuses')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`labs.status.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('labs.filter.mine')} className={styles.filter}>
        <Select
          value={filter.mine ?? ''}
          onChange={(_e, d) =>
            onChange({ ...filter, mine: (d.value || undefined) as LabFilter['mine'] })
          }
        >
          <option value="">{t('labs.filter.everyone')}</option>
          <option value="member">{t('labs.filter.member')}</option>
          <option value="lead">{t('labs.filter.lead')}</option>
        </Select>
      </Field>
    </div>
  );
}
