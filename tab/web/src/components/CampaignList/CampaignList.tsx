import { Badge } from '@fluentui/react-components';
import type { Campaign } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import {
  describeAudience,
  formatDate,
  kindName,
  shownState,
  stateColor,
} from '../Campaigns/campaign-view';
import { ListTable } from '../ListTable/ListTable';

/** Every campaign, newest first; choosing one shows its progress. */
export function CampaignList({
  campaigns,
  selected,
  onSelect,
}: {
  campaigns: readonly Campaign[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <ListTable
      rows={campaigns}
      caption={t('campaigns.list.caption')}
      empty={t('campaigns.list.empty')}
      selected={selected}
      onOpen={(campaign) => onSelect(campaign.id)}
      columns={[
        {
          header: t('campaigns.list.created'),
          fit: 'nowrap',
          cell: (campaign) => formatDate(campaign.createdAt, locale),
        },
        {
          header: t('campaigns.list.kind'),
          fit: 'nowrap',
          cell: (campaign) => kindName(campaign.kind, t),
        },
        {
          header: t('campaigns.list.audience'),
          fit: 'wide',
          cell: (campaign) => describeAudience(campaign.audience, t, { brief: true }),
        },
        {
          header: t('campaigns.list.state'),
          fit: 'nowrap',
          cell: (campaign) => {
            const state = shownState(campaign);
            return (
              <Badge appearance="tint" color={stateColor[state]}>
                {t(`campaigns.state.${state}`)}
              </Badge>
            );
          },
        },
      ]}
    />
  );
}
