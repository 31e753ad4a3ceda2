import {
  Button,
  Field,
  Link,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import type { IdeaComment, IdeaDetail } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { personName } from '../Ideas/idea-text';
import { useIdeaPageStyles } from './IdeaPage.styles';
import { ReasonDialog } from '../ReasonDialog/ReasonDialog';

const COMMENT_MAX = 2000;

/** A new comment, or a reply to `parent`. */
function CommentForm({
  ideaId,
  parent,
  label,
  onSent,
}: {
  ideaId: string;
  parent?: string;
  label: string;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeaPageStyles();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction<'send'>();
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('send', async () => {
          await api.ideas.comment(ideaId, text.trim(), parent);
          setText('');
          onSent();
        });
      }}
    >
      <Field label={label} hint={t('ideas.comments.hint', { max: COMMENT_MAX })}>
        <Textarea
          value={text}
          resize="vertical"
          maxLength={COMMENT_MAX}
          onChange={(_event, data) => setText(data.value)}
        />
      </Field>
      {error !== null && <ErrorBar error={error} refusal />}
      <div>
        <Button
          type="submit"
          disabled={busy !== null || text.trim() === ''}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {parent ? t('ideas.comments.reply') : t('ideas.comments.send')}
        </Button>
      </div>
    </form>
  );
}

function CommentView({
  comment,
  admin,
  onModerate,
}: {
  comment: IdeaComment;
  admin: boolean;
  onModerate: (comment: IdeaComment) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useIdeaPageStyles();
  const name = personName(comment.author, t);
  return (
    <>
      <div className={styles.row}>
        <Text weight="semibold">{name}</Text>
        <Text size={200} className={styles.small}>
          {formatDate(comment.createdAt, locale)}
        </Text>
        {admin && (
          <Link as="button" onClick={() => onModerate(comment)}>
            {comment.hidden
              ? t('ideas.moderation.restoreComment', { name })
              : t('ideas.moderation.hideComment', { name })}
          </Link>
        )}
      </div>
      {comment.text !== null && <Text className={styles.text}>{comment.text}</Text>}
      {comment.hidden && (
        <Text className={styles.small}>
          {comment.hiddenReason
            ? t('ideas.comments.hiddenBecause', { reason: comment.hiddenReason })
            : t('ideas.comments.hidden')}
        </Text>
      )}
    </>
  );
}

/** The idea's comments, oldest first, each with its replies (one level) and a reply form. */
export function IdeaComments({ idea }: { idea: IdeaDetail }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeaPageStyles();
  const headingId = useId();
  const load = useCallback(() => api.ideas.comments(idea.id), [api, idea.id]);
  const [comments, reload] = useLoad(load);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [moderating, setModerating] = useState<IdeaComment | null>(null);
  const moderation = useAction<'moderate'>();
  const admin = idea.may.administer;

  const moderate = (comment: IdeaComment, reason?: string) =>
    moderation.run('moderate', async () => {
      await api.ideas.moderate(
        { idea: idea.id, comment: comment.id },
        reason === undefined ? { hide: false } : { hide: true, reason },
      );
      setModerating(null);
      reload();
    });
  const onModerate = (comment: IdeaComment) =>
    comment.hidden ? void moderate(comment) : setModerating(comment);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('ideas.comments.heading')}
      </Subtitle1>
      {comments.state === 'loading' && <Spinner label={t('app.loading')} />}
      {comments.state === 'failed' && <ErrorBar error={comments.error} onRetry={reload} />}
      {moderation.error !== null && moderating === null && <ErrorBar error={moderation.error} />}
      {comments.state === 'loaded' && comments.value.comments.length === 0 && (
        <Text>{t('ideas.comments.none')}</Text>
      )}
      {comments.state === 'loaded' && (
        <ul className={styles.plain}>
          {comments.value.comments.map((comment) => (
            <li key={comment.id} className={styles.entry}>
              <CommentView comment={comment} admin={admin} onModerate={onModerate} />
              {comment.replies.length > 0 && (
                <ul className={styles.replies} aria-label={t('ideas.comments.replies')}>
                  {comment.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentView comment={reply} admin={admin} onModerate={onModerate} />
                    </li>
                  ))}
                </ul>
              )}
              {replyTo === comment.id ? (
                <CommentForm
                  ideaId={idea.id}
                  parent={comment.id}
                  label={t('ideas.comments.replyTo', { name: personName(comment.author, t) })}
                  onSent={() => {
                    setReplyTo(null);
                    reload();
                  }}
                />
              ) : (
                <div>
                  <Link
                    as="button"
                    aria-label={t('ideas.comments.replyTo', {
                      name: personName(comment.author, t),
                    })}
                    onClick={() => setReplyTo(comment.id)}
                  >
                    {t('ideas.comments.reply')}
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <CommentForm ideaId={idea.id} label={t('ideas.comments.new')} onSent={reload} />
      {moderating && (
        <ReasonDialog
          title={t('ideas.moderation.hideCommentTitle')}
          explain={t('ideas.moderation.explain')}
          confirmLabel={t('ideas.moderation.hide')}
          busy={moderation.busy !== null}
          error={moderation.error}
          onClose={() => setModerating(null)}
          onConfirm={(reason) => void moderate(moderating, reason)}
        />
      )}
    </section>
  );
}
