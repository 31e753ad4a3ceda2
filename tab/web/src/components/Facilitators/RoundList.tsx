import {
  Link,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { FacilitatorRoundSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useFacilitatorsStyles } from './Facilitators.styles';

/** Every round, newest first; choosing one opens it below. */
export function RoundList({
  rounds,
  selected,
  onSelect,
}: {
  rounds: readonly FacilitatorRoundSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useFacilitatorsStyles();
  if (rounds.length === 0) {
    return (
      <Text as="p" block>
        {t('facilitators.rounds.empty')}
      </Text>
    );
  }
  return (
    <ScrollingTable caption={t('facilitators.rounds.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('facilitators.rounds.created')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('facilitators.rounds.thresholds')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('facilitators.rounds.state')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rounds.map((round) => {
          const current = round.id === selected;
          return (
            <TableRow key={round.id} className={current ? styles.selected : undefined}>
              <TableHeaderCell scope="row" className={styles.nowrap}>
                <Link
                  as="button"
                  aria-pressed={current}
                  className={current ? styles.current : undefined}
                  onClick={() => onSelect(round.id)}
                >
                  {formatDate(round.createdAt, locale)}
                </Link>
              </TableHeaderCell>
              <TableCell>
                {t('facilitators.rounds.thresholdValues', {
                  digitalSkills: round.thresholds.digitalSkills,
                  motivation: round.thresholds.motivation,
                })}
              </TableCell>
              <TableCell>
                {t(
                  round.status === 'preparing'
                    ? 'facilitators.rounds.preparing'
                    : round.invitationCampaignId === null
                      ? 'facilitators.rounds.open'
                      : 'facilitators.rounds.invited',
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollingTable>
  );
}
