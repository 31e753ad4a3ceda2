import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  Spinner,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { BoardQuestionPage, TEXT_MAX } from './BoardQuestionPage';
import { useCommunityBoardStyles } from './CommunityBoard.styles';
import { useBoard } from './use-board';

const TITLE = { min: 3, max: 140 };

function AskForm({
  onAsk,
  busy,
  error,
}: {
  onAsk: (question: { title: string; text: string }) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const styles = useCommunityBoardStyles();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const titleWrong = title.trim().length < TITLE.min || title.trim().length > TITLE.max;
  const textWrong = text.trim().length === 0 || text.trim().length > TEXT_MAX;
  return (
    <form
      className={styles.form}
      noValidate
      aria-label={t('workspace.board.ask')}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!titleWrong && !textWrong) onAsk({ title: title.trim(), text: text.trim() });
      }}
    >
      <Field
        label={t('workspace.board.title')}
        validationMessage={tried && titleWrong ? t('workspace.board.titleWrong', TITLE) : undefined}
        required
      >
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label={t('workspace.board.text')}
        validationMessage={
          tried && textWrong ? t('workspace.board.textWrong', { max: TEXT_MAX }) : undefined
        }
        required
      >
        <Textarea value={text} resize="vertical" onChange={(_e, d) => setText(d.value)} />
      </Field>
      {error !== null && <ErrorBar error={error} refusal />}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('workspace.board.ask')}
        </Button>
      </div>
    </form>
  );
}

/** The facilitators' private board: questions, one level of replies, "risolto". */
export function CommunityBoard() {
  const { t, locale } = useI18n();
  const styles = useCommunityBoardStyles();
  const { questions, reload, ask, action } = useBoard();
  const [open, setOpen] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  if (open) {
    return (
      <BoardQuestionPage
        id={open}
        onBack={() => {
          setOpen(null);
          reload();
        }}
      />
    );
  }
  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('workspace.board.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t('workspace.board.intro')}
      </Text>
      {asking ? (
        <AskForm
          busy={action.busy !== null}
          error={action.error}
          onAsk={(question) => void ask(question, setOpen)}
        />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setAsking(true)}>
            {t('workspace.board.ask')}
          </Button>
        </div>
      )}
      {questions.state === 'loading' && <Spinner label={t('app.loading')} />}
      {questions.state === 'failed' && <ErrorBar error={questions.error} onRetry={reload} />}
      {questions.state === 'loaded' &&
        (questions.value.questions.length === 0 ? (
          <Text as="p">{t('workspace.board.empty')}</Text>
        ) : (
          <ul className={styles.list} aria-label={t('workspace.board.questions')}>
            {questions.value.questions.map((question) => (
              <li key={question.id} className={styles.item}>
                <div className={styles.row}>
                  <Link as="button" className={styles.title} onClick={() => setOpen(question.id)}>
                    {question.title}
                  </Link>
                  {question.solved && <Badge color="success">{t('workspace.board.solved')}</Badge>}
                </div>
                <Text size={200} className={styles.meta}>
                  {t('workspace.board.summary', {
                    author: question.author.displayName,
                    replies: question.replies,
                    date: formatDate(question.activeAt, locale),
                  })}
                </Text>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
