import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import { ApiError } from '../../api/client';
import type { IdeaBeneficiary, IdeaCall, IdeaCallList } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import {
  LIMITS,
  LINK_LENGTH_MAX,
  LINKS_MAX,
  proposalOf,
  refusedFields,
  TEXT_FIELDS,
  type Draft,
  type DraftField,
} from './proposal-draft';
import { useProposeIdeaStyles } from './ProposeIdea.styles';
import { useSimilarIdeas } from './use-similar-ideas';

const BENEFICIARIES: readonly IdeaBeneficiary[] = ['citizens', 'businesses', 'colleagues'];
const LONG = new Set<string>(['problem', 'proposal', 'benefits']);

/** Ideas like the one being typed: support or amend one of them instead. */
function SimilarIdeasList({ text, onOpen }: { text: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const styles = useProposeIdeaStyles();
  const headingId = useId();
  const ideas = useSimilarIdeas(text);
  return (
    <section aria-labelledby={headingId} aria-live="polite" className={styles.similar}>
      <Subtitle2 as="h3" id={headingId}>
        {t('ideas.similar.heading')}
      </Subtitle2>
      {ideas.length === 0 ? (
        <Text>{t('ideas.similar.none')}</Text>
      ) : (
        <>
          <Text>{t('ideas.similar.maybe')}</Text>
          <ul className={styles.similarList}>
            {ideas.map((idea) => (
              <li key={idea.id}>
                <Link as="button" onClick={() => onOpen(idea.id)}>
                  {idea.title}
                </Link>{' '}
                <Text className={styles.small}>
                  {t('ideas.similar.meta', {
                    status: t(`ideas.status.${idea.status}`),
                    votes: idea.votes,
                  })}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * A new idea in the open call, with the fields a public administration needs. The draft lives
 * in the screen, so opening a similar idea and coming back keeps it.
 */
export function ProposeIdea({
  call,
  calls,
  draft,
  onDraft,
  onProposed,
  onOpen,
  onBack,
}: {
  call: IdeaCall;
  calls: IdeaCallList;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  onProposed: (id: string) => void;
  onOpen: (id: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useProposeIdeaStyles();
  const headingId = useId();
  const { busy, error, run } = useAction<'propose'>();
  useEffect(() => document.getElementById(headingId)?.focus(), [headingId]);
  const refused = new Set<DraftField>(
    error instanceof ApiError && error.status === 400
      ? refusedFields(error.lines.map((l) => l.path))
      : [],
  );
  const set = <K extends keyof Draft>(name: K, value: Draft[K]) =>
    onDraft({ ...draft, [name]: value });
  const invalid = (field: DraftField, message: string) =>
    refused.has(field)
      ? { validationState: 'error' as const, validationMessage: message }
      : { validationState: 'none' as const };

  return (
    <div className={styles.root}>
      <div>
        <Link as="button" onClick={onBack}>
          {t('ideas.back')}
        </Link>
      </div>
      <Title2 as="h2" id={headingId} tabIndex={-1}>
        {t('ideas.propose.heading')}
      </Title2>
      <Text as="p" block className={styles.intro}>
        {t('ideas.propose.intro', { call: call.title })}
      </Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('ideas.propose.signed')}</MessageBarBody>
      </MessageBar>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run('propose', async () => onProposed(await api.ideas.propose(proposalOf(draft))));
        }}
      >
        {TEXT_FIELDS.map((field) => (
          <div key={field} className={styles.fieldGroup}>
            <Field
              label={t(`ideas.field.${field}`)}
              hint={t(`ideas.propose.hint.${field}`, LIMITS[field])}
              required
              {...invalid(field, t('ideas.propose.length', LIMITS[field]))}
            >
              {LONG.has(field) ? (
                <Textarea
                  value={draft[field]}
                  resize="vertical"
                  rows={4}
                  onChange={(_event, data) => set(field, data.value)}
                />
              ) : (
                <Input value={draft[field]} onChange={(_event, data) => set(field, data.value)} />
              )}
            </Field>
            {field === 'problem' && (
              <SimilarIdeasList text={`${draft.title} ${draft.problem}`} onOpen={onOpen} />
            )}
          </div>
        ))}
        <fieldset className={styles.fieldset}>
          <legend>
            <Text weight="semibold">{t('ideas.field.beneficiaries')}</Text>
          </legend>
          {BENEFICIARIES.map((b) => (
            <Checkbox
              key={b}
              label={t(`ideas.beneficiary.${b}`)}
              checked={draft.beneficiaries.includes(b)}
              onChange={(_event, data) =>
                set(
                  'beneficiaries',
                  data.checked
                    ? [...draft.beneficiaries, b]
                    : draft.beneficiaries.filter((x) => x !== b),
                )
              }
            />
          ))}
        </fieldset>
        <div className={styles.choices}>
          <Field
            label={t('ideas.list.area')}
            hint={t('ideas.propose.hint.area')}
            className={styles.choice}
          >
            <Select value={draft.area} onChange={(_e, d) => set('area', d.value)}>
              <option value="">{t('ideas.propose.myArea')}</option>
              {calls.areas.map((area) => (
                <option key={area} value={area}>
                  {area}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('ideas.list.theme')} className={styles.choice}>
            <Select
              value={draft.theme}
              onChange={(_e, d) => set('theme', d.value as Draft['theme'])}
            >
              <option value="">{t('ideas.propose.noTheme')}</option>
              {calls.themes.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`ideas.theme.${theme}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label={t('ideas.field.links')}
          hint={t('ideas.propose.hint.links', { count: LINKS_MAX, max: LINK_LENGTH_MAX })}
          {...invalid('links', t('ideas.propose.invalidLinks', { count: LINKS_MAX }))}
        >
          <Textarea
            value={draft.links}
            resize="vertical"
            onChange={(_event, data) => set('links', data.value)}
          />
        </Field>
        {refused.size > 0 ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{t('ideas.propose.checkFields')}</MessageBarBody>
          </MessageBar>
        ) : (
          error !== null && <ErrorBar error={error} refusal />
        )}
        <div>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy !== null}
            icon={busy ? <Spinner size="tiny" /> : undefined}
          >
            {t('ideas.propose.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
