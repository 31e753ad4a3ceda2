import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  SearchBox,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { IdeaDetail } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { SEARCH_PAUSE_MS, useDebounced } from '../Ideas/use-idea-list';
import { useIdeaPageStyles } from './IdeaPage.styles';

/** Picks the idea this one duplicates, by searching the call's ideas. */
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
  const styles = useIdeaPageStyles();
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
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('ideas.merge.title')}</DialogTitle>
          <DialogContent className={styles.dialog}>
            <Text as="p" block>
              {t('ideas.merge.explain')}
            </Text>
            <Field label={t('ideas.merge.search')}>
              <SearchBox value={text} onChange={(_event, data) => setText(data.value)} />
            </Field>
            {found.state === 'loading' && <Spinner size="small" label={t('app.loading')} />}
            {found.state === 'failed' && <ErrorBar error={found.error} onRetry={reload} />}
            {found.state === 'loaded' && targets.length === 0 && (
              <Text>{t('ideas.merge.none')}</Text>
            )}
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
            {error !== null && <ErrorBar error={error} refusal />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" disabled={busy} onClick={onClose}>
              {t('ideas.cancel')}
            </Button>
            <Button
              appearance="primary"
              disabled={busy || into === null}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => into && onConfirm(into)}
            >
              {t('ideas.merge.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
