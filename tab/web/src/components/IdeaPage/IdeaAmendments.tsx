import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiError } from '../../api/client';
import type { IdeaAmendment, IdeaAmendmentField, IdeaDetail } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { personName } from '../Ideas/idea-text';
import { ReasonDialog } from '../ReasonDialog/ReasonDialog';
import { useIdeaPageStyles } from './IdeaPage.styles';

const AMENDABLE: readonly IdeaAmendmentField[] = ['problem', 'proposal'];
const TEXT_MIN = 10;
const TEXT_MAX = 4000;

/** A change to the idea's problem or solution text: the whole new text of one field. */
function ProposeAmendment({
  idea,
  onChanged,
}: {
  idea: IdeaDetail;
  onChanged: (idea: IdeaDetail) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeaPageStyles();
  const headingId = useId();
  const [field, setField] = useState<IdeaAmendmentField>('proposal');
  const [text, setText] = useState(idea.proposal);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction<'amend'>();
  const unchanged = text.trim() === idea[field].trim();

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('amend', async () => {
          await api.ideas.amend(idea.id, { [field]: text.trim() });
          setDone(true);
          onChanged(await api.ideas.idea(idea.id));
        });
      }}
    >
      <Text weight="semibold" id={headingId}>
        {t('ideas.amendments.propose')}
      </Text>
      <RadioGroup
        aria-label={t('ideas.amendments.which')}
        layout="horizontal"
        value={field}
        onChange={(_event, data) => {
          const chosen = data.value as IdeaAmendmentField;
          setField(chosen);
          setText(idea[chosen]);
        }}
      >
        {AMENDABLE.map((f) => (
          <Radio key={f} value={f} label={t(`ideas.field.${f}`)} />
        ))}
      </RadioGroup>
      <Field
        label={t('ideas.amendments.text', { field: t(`ideas.field.${field}`) })}
        hint={t('ideas.propose.length', { min: TEXT_MIN, max: TEXT_MAX })}
      >
        <Textarea
          value={text}
          resize="vertical"
          rows={5}
          maxLength={TEXT_MAX}
          onChange={(_event, data) => {
            setText(data.value);
            setDone(false);
          }}
        />
      </Field>
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('ideas.amendments.sent')}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar error={error} refusal />}
      <div>
        <Button
          type="submit"
          disabled={busy !== null || unchanged}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {t('ideas.amendments.send')}
        </Button>
      </div>
    </form>
  );
}

/** One amendment; its authors' decision buttons while it is open. */
function AmendmentItem({
  idea,
  amendment,
  onDecide,
  busy,
}: {
  idea: IdeaDetail;
  amendment: IdeaAmendment;
  onDecide: (decision: 'accept' | 'reject') => void;
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const styles = useIdeaPageStyles();
  const name = personName(amendment.author, t);
  return (
    <li className={styles.entry}>
      <div className={styles.row}>
        <Text weight="semibold">
          {t('ideas.amendments.by', { name, field: t(`ideas.field.${amendment.field}`) })}
        </Text>
        <Badge appearance="tint" color={amendment.status === 'open' ? 'warning' : 'informative'}>
          {t(`ideas.amendments.status.${amendment.status}`)}
        </Badge>
        <Text size={200} className={styles.small}>
          {formatDate(amendment.createdAt, locale)}
        </Text>
      </div>
      <Text className={styles.text}>{amendment.text}</Text>
      {amendment.reason && (
        <Text className={styles.text}>
          {t('ideas.amendments.reason', { reason: amendment.reason })}
        </Text>
      )}
      {amendment.status === 'open' && idea.may.decideAmendments && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={busy}
            aria-label={t('ideas.amendments.acceptFrom', { name })}
            onClick={() => onDecide('accept')}
          >
            {t('ideas.amendments.accept')}
          </Button>
          <Button
            disabled={busy}
            aria-label={t('ideas.amendments.rejectFrom', { name })}
            onClick={() => onDecide('reject')}
          >
            {t('ideas.amendments.reject')}
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * Amendments: proposing one (anyone but the authors), and the authors' accept or reject with a
 * reason. When another author decided first, the page says so and shows the decision taken.
 */
export function IdeaAmendments({
  idea,
  onChanged,
}: {
  idea: IdeaDetail;
  onChanged: (idea: IdeaDetail) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeaPageStyles();
  const headingId = useId();
  const [rejecting, setRejecting] = useState<IdeaAmendment | null>(null);
  const [conflict, setConflict] = useState(false);
  const { busy, error, run } = useAction<'decide'>();

  const decide = (amendment: IdeaAmendment, reason?: string) =>
    run('decide', async () => {
      setConflict(false);
      try {
        onChanged(
          reason === undefined
            ? await api.ideas.acceptAmendment(idea.id, amendment.id)
            : await api.ideas.rejectAmendment(idea.id, amendment.id, reason),
        );
        setRejecting(null);
      } catch (failure) {
        if (!(failure instanceof ApiError) || failure.status !== 409) throw failure;
        setRejecting(null);
        setConflict(true);
        onChanged(await api.ideas.idea(idea.id));
      }
    });

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('ideas.amendments.heading')}
      </Subtitle1>
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('ideas.amendments.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && rejecting === null && <ErrorBar error={error} refusal />}
      {idea.amendments.length === 0 ? (
        <Text>{t('ideas.amendments.none')}</Text>
      ) : (
        <ul className={styles.plain}>
          {idea.amendments.map((amendment) => (
            <AmendmentItem
              key={amendment.id}
              idea={idea}
              amendment={amendment}
              busy={busy !== null}
              onDecide={(decision) =>
                decision === 'accept' ? void decide(amendment) : setRejecting(amendment)
              }
            />
          ))}
        </ul>
      )}
      {rejecting && (
        <ReasonDialog
          title={t('ideas.amendments.rejectTitle', { name: personName(rejecting.author, t) })}
          explain={t('ideas.amendments.rejectExplain')}
          confirmLabel={t('ideas.amendments.reject')}
          busy={busy !== null}
          error={error}
          onClose={() => setRejecting(null)}
          onConfirm={(reason) => void decide(rejecting, reason)}
        />
      )}
      {idea.may.amend && (
        <ProposeAmendment key={idea.proposal + idea.problem} idea={idea} onChanged={onChanged} />
      )}
    </section>
  );
}
