import { Field, Radio, RadioGroup, SearchBox, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { IdeaDetail } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from '../ActionDialog/ActionDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { SEARCH_PAUSE_MS, useDebounced } from '../../hooks/use-debounced';

/** Picks the idea this one duplicates, by searching the call's ideas (Enter searches, never merges). */
export function MergeDialog({
  idea,
  busy,
  error,
  onClose,
  onConfirm,
}: {
  idea: IdeaDetail;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (into: string) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [text, setText] = useState(idea.title);
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const load = useCallback(
    () => api.ideas.list({ call: idea.callId, q: q || undefined }),
    [api, idea.callId, q],
  );
  const [found, reload] = useLoad(load);
  const [into, setInto] = useState<string | null>(null);
  const targets =
    found.state === 'loaded' ? found.value.ideas.filter((other) => other.id !== idea.id) : [];

  return (
    <ActionDialog
      title={t('ideas.merge.title')}
      explain={t('ideas.merge.explain')}
      confirmLabel={t('ideas.merge.confirm')}
      confirmDisabled={into === null}
      busy={busy}
      error={error}
      onClose={onClose}
      onConfirm={() => into && onConfirm(into)}
    >
      <Field label={t('ideas.merge.search')}>
        <SearchBox
          value={text}
          onChange={(_event, data) => setText(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        />
      </Field>
      {found.state === 'loading' && <Spinner size="small" label={t('app.loading')} />}
      {found.state === 'failed' && <ErrorBar error={found.error} onRetry={reload} />}
      {found.state === 'loaded' && targets.length === 0 && <Text>{t('ideas.merge.none')}</Text>}
      {targets.length > 0 && (
        <RadioGroup
          aria-label={t('ideas.merge.target')}
          value={into ?? ''}
          onChange={(_event, data) => setInto(data.value)}
        >
          {targets.map((other) => (
            <Radio
              key={other.id}
              value={other.id}
              label={t('ideas.merge.option', { title: other.title, votes: other.votes })}
            />
          ))}
        </RadioGroup>
      )}
    </ActionDialog>
  );
}
