import { Field, Select } from '@fluentui/react-components';
import type { DashboardCampaigns, HeatmapChoice } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { campaignName } from '../Dashboard/campaign-name';
import { useHeatmapFiltersStyles } from './HeatmapFilters.styles';

/**
 * Which campaign the heat map shows and which one it is compared with (none by default); only
 * when there are two or more campaigns. Native selects: keyboard and screen readers as usual.
 */
export function HeatmapFilters({
  list,
  choice,
  onChange,
}: {
  list: DashboardCampaigns;
  choice: HeatmapChoice;
  onChange: (choice: HeatmapChoice) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useHeatmapFiltersStyles();
  const { current, campaigns } = list;
  const options = campaigns.some((c) => c.id === current.id) ? campaigns : [current, ...campaigns];
  if (options.length < 2) return null;
  const shown = choice.campaign ?? current.id;
  const others = options.filter((c) => c.id !== shown);
  return (
    <div className={styles.root}>
      <Field label={t('dashboard.campaign')} className={styles.field}>
        <Select
          value={shown}
          onChange={(_event, { value }) =>
            onChange({
              campaign: value,
              compare: choice.compare === value ? undefined : choice.compare,
            })
          }
        >
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {campaignName(c, t, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('dashboard.compareWith')} className={styles.field}>
        <Select
          value={choice.compare ?? ''}
          onChange={(_event, { value }) => onChange({ ...choice, compare: value || undefined })}
        >
          <option value="">{t('dashboard.compareNone')}</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {campaignName(c, t, locale)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
