import {
  Badge,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { IdeaDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { authorNames, formatDay } from '../Ideas/idea-text';
import { IdeaAdmin } from './IdeaAdmin';
import { IdeaAmendments } from './IdeaAmendments';
import { IdeaComments } from './IdeaComments';
import { IdeaHistory } from './IdeaHistory';
import { useIdeaPageStyles } from './IdeaPage.styles';
import { useIdea } from './use-idea';
import { VoteButton } from './VoteButton';

const FIELDS = ['procedure', 'office', 'problem', 'proposal', 'benefits'] as const;

/** The idea's own text: the form's fields, who benefits and its links. */
function IdeaText({ idea }: { idea: IdeaDetail }) {
  const { t } = useI18n();
  const styles = useIdeaPageStyles();
  return (
    <dl className={styles.fields}>
      {FIELDS.map((field) => (
        <div key={field}>
          <dt>
            <Subtitle2>{t(`ideas.field.${field}`)}</Subtitle2>
          </dt>
          <dd className={styles.text}>{idea[field]}</dd>
        </div>
      ))}
      {idea.beneficiaries.length > 0 && (
        <div>
          <dt>
            <Subtitle2>{t('ideas.field.beneficiaries')}</Subtitle2>
          </dt>
          <dd className={styles.text}>
            {idea.beneficiaries.map((b) => t(`ideas.beneficiary.${b}`)).join(', ')}
          </dd>
        </div>
      )}
      {idea.links.length > 0 && (
        <div>
          <dt>
            <Subtitle2>{t('ideas.field.links')}</Subtitle2>
          </dt>
          {idea.links.map((link) => (
            <dd key={link} className={styles.text}>
              <Link href={link} target="_blank" rel="noopener noreferrer">
                {link}
              </Link>
            </dd>
          ))}
        </div>
      )}
    </dl>
  );
}

function IdeaView({
  idea,
  onChanged,
  onOpen,
}: {
  idea: IdeaDetail;
  onChanged: (idea: IdeaDetail) => void;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useIdeaPageStyles();
  const headingId = `idea-${idea.id}`;
  // Opening an idea moves the focus to its title, as a new page would.
  useEffect(() => document.getElementById(headingId)?.focus(), [headingId]);
  return (
    <article className={styles.root} aria-labelledby={headingId}>
      <Title2 as="h2" id={headingId} tabIndex={-1} className={styles.title}>
        {idea.title}
      </Title2>
      <div className={styles.meta}>
        <Badge appearance="tint" color="informative">
          {t(`ideas.status.${idea.status}`)}
        </Badge>
        <Text>{t(`ideas.theme.${idea.theme}`)}</Text>
        <Text>{idea.area}</Text>
      </div>
      {idea.mergedInto && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('ideas.merged.into')}{' '}
            <Link as="button" onClick={() => onOpen(idea.mergedInto!)}>
              {idea.history.findLast((entry) => entry.kind === 'merged')?.other?.title ??
                t('ideas.merged.open')}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {idea.hidden && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ideas.hidden', { reason: idea.hiddenReason ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
      {idea.statusReason && (
        <Text as="p" block className={styles.text}>
          {t('ideas.statusReason', { reason: idea.statusReason })}
        </Text>
      )}
      <Text as="p" block>
        {t('ideas.signed', {
          authors: authorNames(idea.authors, t, locale),
          date: formatDay(idea.createdAt, locale),
        })}
      </Text>
      <VoteButton key={`${idea.votes}-${idea.voted}-${idea.mergedInto}`} idea={idea} />
      <IdeaText idea={idea} />
      {idea.mergedFrom.length > 0 && (
        <section className={styles.section} aria-label={t('ideas.merged.fromHeading')}>
          <Subtitle2 as="h3">{t('ideas.merged.fromHeading')}</Subtitle2>
          <ul className={styles.plain}>
            {idea.mergedFrom.map((other) => (
              <li key={other.id}>
                <Link as="button" onClick={() => onOpen(other.id)}>
                  {other.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {idea.may.administer && <IdeaAdmin idea={idea} onChanged={onChanged} />}
      <IdeaAmendments idea={idea} onChanged={onChanged} />
      <IdeaComments idea={idea} />
      <IdeaHistory idea={idea} onOpen={onOpen} />
    </article>
  );
}

/** One idea: its text, authors, votes, amendments, comments and history. */
export function IdeaPage({
  id,
  backLabel,
  onOpen,
  onBack,
}: {
  id: string;
  /** Where going back leads, in words. */
  backLabel: string;
  onOpen: (id: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const styles = useIdeaPageStyles();
  const { idea, reload, set } = useIdea(id);
  return (
    <div className={styles.root}>
      <div>
        <Link as="button" onClick={onBack}>
          {backLabel}
        </Link>
      </div>
      {idea.state === 'loading' && <Spinner label={t('app.loading')} />}
      {idea.state === 'failed' && <ErrorBar error={idea.error} onRetry={reload} />}
      {idea.state === 'loaded' && <IdeaView idea={idea.value} onChanged={set} onOpen={onOpen} />}
    </div>
  );
}
