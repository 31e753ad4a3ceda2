import { Text } from '@fluentui/react-components';
import type { CampaignStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useCampaignDetailStyles } from './CampaignDetail.styles';

/**
 * How many of the people reached completed the questionnaire, as the server words it: at least
 * a multiple of k, or nothing for a small audience (so that nobody can tell who answered).
 */
export function CampaignCompletions({ completions }: Pick<CampaignStatus, 'completions'>) {
  const { t, locale } = useI18n();
  const styles = useCampaignDetailStyles();
  const { reached, atLeast, k } = completions;
  if (reached === 0) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <div>
      <Text as="p" block weight="semibold">
        {atLeast === null
          ? t('campaigns.completions.small', { min: number.format(2 * k) })
          : t('campaigns.completions.shown', {
              atLeast: number.format(atLeast),
              reached: number.format(reached),
            })}
      </Text>
      {atLeast !== null && (
        <Text as="p" block className={styles.muted}>
          {t('campaigns.completions.note', { k })}
        </Text>
      )}
    </div>
  );
}
