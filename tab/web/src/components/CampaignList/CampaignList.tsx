import {
  Badge,
  Link,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Campaign } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import {
  describeAudience,
  formatDate,
  kindName,
  shownState,
  stateColor,
} from '../Campaigns/campaign-view';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useCampaignListStyles } from './CampaignList.styles';

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
  const styles = useCampaignListStyles();
  if (campaigns.length === 0) {
    return (
      <Text as="p" block>
        {t('campaigns.list.empty')}
      </Text>
    );
  }
  return (
    <ScrollingTable caption={t('campaigns.list.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('campaigns.list.created')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('campaigns.list.kind')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('campaigns.list.audience')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('campaigns.list.state')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {campaigns.map((campaign) => {
          const state = shownState(campaign);
          const current = campaign.id === selected;
          return (
            <TableRow key={campaign.id} className={current ? styles.selected : undefined}>
              <TableCell className={styles.nowrap}>
                {/* The date opens the campaign below: a link-like toggle, not an action. */}
                <Link
                  as="button"
                  aria-pressed={current}
                  className={current ? styles.current : undefined}
                  onClick={() => onSelect(campaign.id)}
                >
                  {formatDate(campaign.createdAt, locale)}
                </Link>
              </TableCell>
              <TableCell className={styles.nowrap}>{kindName(campaign.kind, t)}</TableCell>
              <TableCell className={styles.audience}>
                {describeAudience(campaign.audience, t, { brief: true })}
              </TableCell>
              <TableCell className={styles.nowrap}>
                <Badge appearance="tint" color={stateColor[state]}>
                  {t(`campaigns.state.${state}`)}
                </Badge>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollingTable>
  );
}
