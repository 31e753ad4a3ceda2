import type { FacilitatorRoundSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ListTable } from '../ListTable/ListTable';

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
  return (
    <ListTable
      rows={rounds}
      caption={t('facilitators.rounds.caption')}
      empty={t('facilitators.rounds.empty')}
      selected={selected}
      onOpen={(round) => onSelect(round.id)}
      columns={[
        {
          header: t('facilitators.rounds.created'),
          fit: 'nowrap',
          cell: (round) => formatDate(round.createdAt, locale),
        },
        {
          header: t('facilitators.rounds.thresholds'),
          cell: (round) =>
            t('facilitators.rounds.thresholdValues', {
              digitalSkills: round.thresholds.digitalSkills,
              motivation: round.thresholds.motivation,
            }),
        },
        {
          header: t('facilitators.rounds.state'),
          cell: (round) =>
            t(
              round.status === 'preparing'
                ? 'facilitators.rounds.preparing'
                : round.invitationCampaignId === null
                  ? 'facilitators.rounds.open'
                  : 'facilitators.rounds.invited',
            ),
        },
      ]}
    />
  );
}
