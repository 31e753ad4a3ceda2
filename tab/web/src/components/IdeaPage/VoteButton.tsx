import { Text, ToggleButton } from '@fluentui/react-components';
import type { IdeaDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useIdeaPageStyles } from './IdeaPage.styles';
import { useVote } from './use-idea';

/**
 * Support for the idea: a toggle, pressed when the caller has voted (nobody else sees who
 * voted). Closed with the call, and on an idea merged into another.
 */
export function VoteButton({ idea }: { idea: IdeaDetail }) {
  const { t } = useI18n();
  const styles = useIdeaPageStyles();
  const { votes, voted, pending, error, toggle } = useVote(idea);
  const closed = !idea.may.vote;
  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <ToggleButton
          checked={voted}
          appearance={voted ? 'primary' : 'secondary'}
          disabled={closed}
          aria-disabled={pending || undefined}
          onClick={() => void toggle()}
        >
          {t('ideas.vote.give')}
        </ToggleButton>
        <Text aria-live="polite">{t('ideas.count.votes', { count: votes })}</Text>
      </div>
      {closed && (
        <Text className={styles.small}>
          {idea.mergedInto
            ? t('ideas.vote.merged')
            : idea.callOpen
              ? t('ideas.vote.notNow')
              : t('ideas.vote.closed')}
        </Text>
      )}
      {voted && !closed && <Text className={styles.small}>{t('ideas.vote.private')}</Text>}
      {error !== null && <ErrorBar error={error} refusal />}
    </div>
  );
}
