import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { ContestEntry, ContestResults, ContestSummary } from '../../api/types';
import { useI18n, type Locale, type MessageKey } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useContestStyles } from './Contest.styles';
import { EntryCard, HideEntry } from './EntryCard';
import { EntryForm } from './EntryForm';
import { NewContestForm } from './NewContestForm';
import { useContest } from './use-contest';

const PHASES: Record<ContestSummary['phase'], MessageKey> = {
  upcoming: 'contest.phase.upcoming',
  entries: 'contest.phase.entries',
  waiting: 'contest.phase.waiting',
  voting: 'contest.phase.voting',
  counting: 'contest.phase.counting',
  closed: 'contest.phase.closed',
};

const when = (locale: Locale, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

function Header({ contest }: { contest: ContestSummary }) {
  const { t, locale } = useI18n();
  const styles = useContestStyles();
  return (
    <>
      <Subtitle1 as="h3">{contest.title}</Subtitle1>
      <Text className={styles.text}>{contest.description}</Text>
      <Text role="status" weight="semibold">
        {t(PHASES[contest.phase])}
      </Text>
      <Text className={styles.meta}>
        {t('contest.periods', {
          entriesFrom: when(locale, contest.entriesOpenAt),
          entriesTo: when(locale, contest.entriesCloseAt),
          votingFrom: when(locale, contest.votingOpenAt),
          votingTo: when(locale, contest.votingCloseAt),
        })}
      </Text>
      <details>
        <summary>{t('contest.rules')}</summary>
        <Text className={styles.text}>{contest.rules}</Text>
      </details>
    </>
  );
}

function Results({ results }: { results: ContestResults }) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const ids = useId();
  return (
    <section aria-labelledby={`${ids}-results`}>
      <Subtitle2 as="h3" id={`${ids}-results`}>
        {t('contest.results.heading')}
      </Subtitle2>
      {results.entries.length === 0 && <Text as="p">{t('contest.results.none')}</Text>}
      <ol className={styles.gallery}>
        {results.entries.map((entry) => (
          <li key={entry.id}>
            <EntryCard entry={entry}>
              {entry.id === results.winnerEntryId && (
                <Text className={styles.winner}>{t('contest.results.winner')}</Text>
              )}
              <Text>{t('contest.results.votes', { count: entry.votes })}</Text>
              <Text className={styles.meta}>
                {entry.author
                  ? t('contest.results.author', { author: entry.author })
                  : t('contest.results.noAuthor')}
              </Text>
            </EntryCard>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * «Concorso logo»: the newest contest, its rules and periods; sending an entry while entries
 * are open; the gallery (authors hidden) with one vote, changeable while voting is open; the
 * results after the close. Admins open contests, hide entries with a reason, and close.
 */
export function Contest({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const ids = useId();
  const state = useContest();
  const { contests, contest, gallery, busy, error } = state;

  const entriesOf = (entries: ContestEntry[]) => (
    <ul className={styles.gallery}>
      {entries.map((entry) => {
        const voted = contest?.myVote === entry.id;
        return (
          <li key={entry.id}>
            <EntryCard entry={entry}>
              <div className={styles.actions}>
                {contest?.phase === 'voting' && !entry.mine && !entry.hidden && (
                  <Button
                    appearance={voted ? 'primary' : 'secondary'}
                    aria-pressed={voted}
                    disabled={busy !== null}
                    onClick={() => state.vote(entry.id)}
                  >
                    {voted
                      ? t('contest.vote.chosen', { title: entry.title })
                      : t('contest.vote.choose', { title: entry.title })}
                  </Button>
                )}
                {admin && contest?.phase !== 'closed' && !entry.hidden && (
                  <HideEntry
                    entry={entry}
                    busy={busy !== null}
                    onHide={(reason) => state.hide(entry.id, reason)}
                  />
                )}
              </div>
            </EntryCard>
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('contest.heading')}</Title2>
      {contests.state === 'loading' && !contest && <Spinner label={t('app.loading')} />}
      {contests.state === 'failed' && <ErrorBar error={contests.error} onRetry={state.reload} />}
      {error !== null && <ErrorBar error={error} refusal />}
      {contests.state === 'loaded' && !contest && <Text as="p">{t('contest.none')}</Text>}
      {contest && (
        <>
          <Header contest={contest} />
          {contest.phase === 'entries' &&
            (contest.myEntries < contest.maxEntriesPerPerson ? (
              <EntryForm onSubmit={state.submit} sending={busy === 'submit'} />
            ) : (
              <Text as="p">
                {t('contest.form.limitReached', { max: contest.maxEntriesPerPerson })}
              </Text>
            ))}
          {state.justSent && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('contest.form.sent')}</MessageBarBody>
            </MessageBar>
          )}
          {contest.phase === 'voting' && (
            <Text as="p">
              {contest.myVote ? t('contest.vote.changeable') : t('contest.vote.howTo')}
            </Text>
          )}
          {admin && (contest.phase === 'voting' || contest.phase === 'counting') && (
            <Button appearance="primary" disabled={busy !== null} onClick={state.close}>
              {t('contest.close')}
            </Button>
          )}
          {gallery.state === 'loading' && <Spinner label={t('app.loading')} />}
          {gallery.state === 'failed' && <ErrorBar error={gallery.error} onRetry={state.reload} />}
          {gallery.state === 'loaded' &&
            (gallery.value.results ? (
              <Results results={gallery.value.results} />
            ) : (
              <section aria-labelledby={`${ids}-gallery`}>
                <Subtitle2 as="h3" id={`${ids}-gallery`}>
                  {contest.phase === 'entries' || contest.phase === 'upcoming'
                    ? t('contest.gallery.mine')
                    : t('contest.gallery.heading')}
                </Subtitle2>
                {gallery.value.entries.length === 0 ? (
                  <Text as="p">{t('contest.gallery.empty')}</Text>
                ) : (
                  entriesOf(gallery.value.entries)
                )}
              </section>
            ))}
        </>
      )}
      {admin && contests.state === 'loaded' && (!contest || contest.phase === 'closed') && (
        <NewContestForm onCreate={state.create} busy={busy === 'create'} />
      )}
    </div>
  );
}
