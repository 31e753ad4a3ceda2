import type { DashboardCampaign } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';

/** How screens and exports name a campaign: its title and the day its first results counted. */
export function campaignName(campaign: DashboardCampaign, t: Translate, locale: Locale): string {
  const title = campaign.title[locale];
  if (campaign.lockedAt === null) return t('dashboard.campaignNoData', { title });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    new Date(campaign.lockedAt),
  );
  return t('dashboard.campaignName', { title, date });
}
