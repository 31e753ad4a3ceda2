import { Field, Select, Spinner, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import type { Campaign } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CampaignDetail } from '../CampaignDetail/CampaignDetail';
import { CampaignList } from '../CampaignList/CampaignList';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { NewCampaign } from '../NewCampaign/NewCampaign';
import { useCampaignsStyles } from './Campaigns.styles';
import { DEFAULT_KIND_FILTER, KIND_FILTERS, type KindFilter } from './campaign-view';
import { useCampaignList } from './use-campaign-list';

/** The programme team's invitations and reminders: start, follow, pause, cancel, remind. */
export function Campaigns() {
  const { t } = useI18n();
  const styles = useCampaignsStyles();
  const headingId = useId();
  const [filter, setFilter] = useState<KindFilter>(DEFAULT_KIND_FILTER);
  const { loaded, reload, campaigns, upsert } = useCampaignList(KIND_FILTERS[filter]);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the admin chooses, the newest campaign as loaded: a reminder created here stays unselected.
  const newest = loaded.state === 'loaded' ? loaded.value[0]?.id : undefined;
  const selected = campaigns.find((c) => c.id === (chosen ?? newest)) ?? null;

  const started = useCallback(
    (campaign: Campaign) => {
      upsert(campaign);
      setChosen(campaign.id);
    },
    [upsert],
  );

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('campaigns.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t('campaigns.intro')}
      </Text>
      <NewCampaign onStarted={started} />
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle1 as="h3" id={headingId}>
          {t('campaigns.list.heading')}
        </Subtitle1>
        <Field label={t('campaigns.filter.label')} className={styles.filter}>
          <Select
            value={filter}
            onChange={(_event, data) => {
              setFilter(data.value as KindFilter);
              setChosen(null);
            }}
          >
            {(Object.keys(KIND_FILTERS) as KindFilter[]).map((choice) => (
              <option key={choice} value={choice}>
                {t(`campaigns.filter.${choice}`)}
              </option>
            ))}
          </Select>
        </Field>
        {loaded.state === 'loading' && <Spinner label={t('app.loading')} />}
        {loaded.state === 'failed' && <ErrorBar error={loaded.error} onRetry={reload} />}
        {loaded.state === 'loaded' && (
          <div className={styles.columns}>
            <CampaignList
              campaigns={campaigns}
              selected={selected?.id ?? null}
              onSelect={setChosen}
            />
            {selected && <CampaignDetail key={selected.id} campaign={selected} onChange={upsert} />}
          </div>
        )}
      </section>
    </div>
  );
}
