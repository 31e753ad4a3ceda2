import {
  Badge,
  Button,
  Field,
  mergeClasses,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useCommunityBoardStyles } from './CommunityBoard.styles';
import { useBoardQuestion } from './use-board';

export const TEXT_MAX = 4000;

/** A question, its replies oldest first (plain text), a reply form, "risolto" for the asker. */
export function BoardQuestionPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const styles = useCommunityBoardStyles();
  const { question, reload, reply, solve, action } = useBoardQuestion(id);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = question.state === 'loaded';
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  const wrong = text.trim().length === 0 || text.trim().length > TEXT_MAX;

  return (
    <div className={styles.root}>
      <Button appearance="subtle" className={styles.back} onClick={onBack}>
        {t('workspace.board.back')}
      </Button>
      {question.state === 'loading' && <Spinner label={t('app.loading')} />}
      {question.state === 'failed' && <ErrorBar error={question.error} onRetry={reload} />}
      {question.state === 'loaded' && (
        <>
          <div className={styles.row}>
            <h3 ref={heading} tabIndex={-1} className={styles.heading}>
              {question.value.title}
            </h3>
            {question.value.solved && <Badge color="success">{t('workspace.board.solved')}</Badge>}
          </div>
          <Text size={200} className={styles.meta}>
            {t('workspace.board.asked', {
              author: question.value.author.displayName,
              date: formatDate(question.value.createdAt, locale),
            })}
          </Text>
          <Text as="p" block className={styles.text}>
            {question.value.text}
          </Text>
          {question.value.may.solve && question.value.solved && (
            <div>
              <Button onClick={() => void solve({ solved: false })}>
                {t('workspace.board.reopen')}
              </Button>
            </div>
          )}
          <ul className={styles.list} aria-label={t('workspace.board.replies')}>
            {question.value.replyList.map((answer) => (
              <li
                key={answer.id}
                className={mergeClasses(styles.item, answer.solution && styles.solution)}
              >
                <Text size={200} className={styles.meta}>
                  {t('workspace.board.replied', {
                    author: answer.author.displayName,
                    date: formatDate(answer.createdAt, locale),
                  })}
                </Text>
                <Text className={styles.text}>{answer.text}</Text>
                {answer.solution && <Badge color="success">{t('workspace.board.solution')}</Badge>}
                {question.value.may.solve && !answer.solution && (
                  <div>
                    <Button
                      size="small"
                      disabled={action.busy !== null}
                      onClick={() => void solve({ solved: true, replyId: answer.id })}
                    >
                      {t('workspace.board.markSolution')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <form
            className={styles.form}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setTried(true);
              if (!wrong)
                void reply(text.trim(), () => {
                  setText('');
                  setTried(false);
                });
            }}
          >
            <Field
              label={t('workspace.board.reply')}
              hint={t('workspace.form.max', { max: TEXT_MAX })}
              validationMessage={
                tried && wrong ? t('workspace.board.textWrong', { max: TEXT_MAX }) : undefined
              }
              required
            >
              <Textarea value={text} resize="vertical" onChange={(_e, d) => setText(d.value)} />
            </Field>
            {action.error !== null && <ErrorBar error={action.error} refusal />}
            <div>
              <Button type="submit" appearance="primary" disabled={action.busy !== null}>
                {t('workspace.board.send')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
