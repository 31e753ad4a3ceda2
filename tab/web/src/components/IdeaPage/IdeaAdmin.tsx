import { Button, Field, Input, Select, Subtitle1, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { IdeaDetail, IdeaStatus } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { needsReason, NEXT_STATUSES } from './idea-moves';
import { useIdeaPageStyles } from './IdeaPage.styles';
import { MergeDialog } from './MergeDialog';
import { ReasonDialog } from '../ReasonDialog/ReasonDialog';

type Open = 'status' | 'merge' | 'hide' | null;

/**
 * The programme team's part of an idea: its status (with the public reason when it is closed
 * without being done), merging into a duplicate and undoing it, hiding and restoring.
 */
export function IdeaAdmin({
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
  const next = NEXT_STATUSES[idea.status];
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState<IdeaStatus | undefined>(next[0]);
  const [labId, setLabId] = useState('');
  const { busy, error, run, clearError } = useAction<Exclude<Open, null> | 'unmerge' | 'restore'>();
  const close = () => {
    setOpen(null);
    clearError();
  };
  const act = (key: Exclude<Open, null> | 'unmerge' | 'restore', work: () => Promise<IdeaDetail>) =>
    run(key, async () => {
      onChanged(await work());
      setOpen(null);
    });
  const reread = () => api.ideas.idea(idea.id);

  return (
    <section className={styles.admin} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('ideas.admin.heading')}
      </Subtitle1>
      <div className={styles.row}>
        {next.length > 0 && !idea.mergedInto && (
          <Button
            onClick={() => {
              setStatus(next[0]);
              setOpen('status');
            }}
          >
            {t('ideas.status.change')}
          </Button>
        )}
        {idea.mergedInto ? (
          <Button
            disabled={busy !== null}
            onClick={() => void act('unmerge', () => api.ideas.unmerge(idea.id))}
          >
            {t('ideas.merge.undo')}
          </Button>
        ) : (
          <Button onClick={() => setOpen('merge')}>{t('ideas.merge.open')}</Button>
        )}
        {idea.hidden ? (
          <Button
            disabled={busy !== null}
            onClick={() =>
              void act('restore', async () => {
                await api.ideas.moderate({ idea: idea.id }, { hide: false });
                return reread();
              })
            }
          >
            {t('ideas.moderation.restore')}
          </Button>
        ) : (
          <Button onClick={() => setOpen('hide')}>{t('ideas.moderation.hide')}</Button>
        )}
      </div>
      {open === null && error !== null && <ErrorBar error={error} refusal />}
      {open === 'status' && status && (
        <ReasonDialog
          title={t('ideas.status.title')}
          explain={t('ideas.status.explain')}
          confirmLabel={t('ideas.status.confirm')}
          optional={!needsReason(status)}
          busy={busy !== null}
          error={error}
          onClose={close}
          onConfirm={(reason) =>
            void act('status', () =>
              api.ideas.changeStatus(idea.id, {
                status,
                ...(reason ? { reason } : {}),
                ...(status === 'accepted' && labId.trim() ? { labId: labId.trim() } : {}),
              }),
            )
          }
        >
          <Field label={t('ideas.status.new')}>
            <Select value={status} onChange={(_e, d) => setStatus(d.value as IdeaStatus)}>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`ideas.status.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          {needsReason(status) && <Text>{t('ideas.status.reasonNeeded')}</Text>}
          {status === 'accepted' && (
            <Field label={t('ideas.status.lab')} hint={t('ideas.status.labHint')}>
              <Input value={labId} onChange={(_e, d) => setLabId(d.value)} />
            </Field>
          )}
        </ReasonDialog>
      )}
      {open === 'merge' && (
        <MergeDialog
          idea={idea}
          busy={busy !== null}
          error={error}
          onClose={close}
          onConfirm={(into) => void act('merge', () => api.ideas.merge(idea.id, into))}
        />
      )}
      {open === 'hide' && (
        <ReasonDialog
          title={t('ideas.moderation.hideTitle')}
          explain={t('ideas.moderation.explain')}
          confirmLabel={t('ideas.moderation.hide')}
          busy={busy !== null}
          error={error}
          onClose={close}
          onConfirm={(reason) =>
            void act('hide', async () => {
              await api.ideas.moderate({ idea: idea.id }, { hide: true, reason });
              return reread();
            })
          }
        />
      )}
    </section>
  );
}
