import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LAB_COLUMNS, StaleTaskError, useLabsApi } from '../../api/labs';
import type {
  LabColumn,
  LabMember,
  LabMilestone,
  LabTask,
  LabTaskChange,
  NewLabTask,
} from '../../api/types';
import { useAction } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { personName } from '../LabPage/lab-view';
import { useLabBoardStyles } from './LabBoard.styles';

interface Draft {
  title: string;
  description: string;
  column: LabColumn;
  assignees: string[];
  dueDate: string;
  milestoneId: string;
}

const draftOf = (task: LabTask | null, column: LabColumn): Draft => ({
  title: task?.title ?? '',
  description: task?.description ?? '',
  column: task?.column ?? column,
  assignees: (task?.assignees ?? []).flatMap((p) => (p.objectId ? [p.objectId] : [])),
  dueDate: task?.dueDate ?? '',
  milestoneId: task?.milestoneId ?? '',
});

const bodyOf = (draft: Draft): NewLabTask => ({
  title: draft.title.trim(),
  description: draft.description,
  column: draft.column,
  assignees: draft.assignees,
  dueDate: draft.dueDate || null,
  milestoneId: draft.milestoneId || null,
});

/** Only what the draft changes: an edit never rewrites what it did not touch. */
function changesOf(task: LabTask, draft: Draft): LabTaskChange {
  const before = bodyOf(draftOf(task, task.column));
  const after = bodyOf(draft);
  const change: LabTaskChange = {};
  if (after.title !== before.title) change.title = after.title;
  if (after.description !== before.description) change.description = after.description;
  if (after.column !== before.column) change.column = after.column;
  if (after.dueDate !== before.dueDate) change.dueDate = after.dueDate;
  if (after.milestoneId !== before.milestoneId) change.milestoneId = after.milestoneId;
  if ([...(after.assignees ?? [])].sort().join() !== [...(before.assignees ?? [])].sort().join()) {
    change.assignees = after.assignees;
  }
  return change;
}

export interface TaskEditorProps {
  labId: string;
  /** null: a new task in `column`. */
  task: LabTask | null;
  column: LabColumn;
  members: readonly LabMember[];
  milestones: readonly LabMilestone[];
  editable: boolean;
  onClose: () => void;
  onSaved: (id: string, task: LabTask | null) => void;
}

/**
 * A task's dialog: read by everyone, written by the lab's people. A save that someone else's
 * overtook is refused: the dialog then shows their version, says so, and keeps this draft in
 * view so that nothing typed is lost.
 */
export function TaskEditor(props: TaskEditorProps) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabBoardStyles();
  const [task, setTask] = useState(props.task);
  const [draft, setDraft] = useState(() => draftOf(props.task, props.column));
  const [lost, setLost] = useState<Draft | null>(null);
  const action = useAction<'save' | 'delete'>();
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const refused = (error: unknown): boolean => {
    if (!(error instanceof StaleTaskError)) return false;
    setLost(draft);
    setTask(error.current);
    setDraft(draftOf(error.current, props.column));
    props.onSaved(error.current.id, error.current);
    return true;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action.run('save', async () => {
      try {
        const saved = task
          ? await api.changeTask(props.labId, task, changesOf(task, draft))
          : await api.createTask(props.labId, bodyOf(draft));
        props.onSaved(saved.id, saved);
        props.onClose();
      } catch (error) {
        if (!refused(error)) throw error;
      }
    });
  };
  const remove = () =>
    void action.run('delete', async () => {
      if (!task) return;
      try {
        await api.deleteTask(props.labId, task);
        props.onSaved(task.id, null);
        props.onClose();
      } catch (error) {
        if (!refused(error)) throw error;
      }
    });

  const readOnly = !props.editable;
  const people = props.members.filter((m) => m.person.objectId);
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={save}>
          <DialogBody>
            <DialogTitle>
              {task ? t('labs.task.editTitle', { title: task.title }) : t('labs.task.newTitle')}
            </DialogTitle>
            <DialogContent className={styles.form}>
              {lost && (
                <MessageBar intent="warning" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>{t('labs.task.staleTitle')}</MessageBarTitle>
                    {t('labs.task.staleBody')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {lost && (
                <Field label={t('labs.task.yourDraft')}>
                  <pre className={styles.draft}>{`${lost.title}\n\n${lost.description}`}</pre>
                </Field>
              )}
              {action.error !== null && <ErrorBar error={action.error} refusal />}
              <Field label={t('labs.task.title')} required>
                <Input
                  value={draft.title}
                  maxLength={200}
                  readOnly={readOnly}
                  onChange={(_e, d) => edit({ title: d.value })}
                />
              </Field>
              <Field label={t('labs.task.description')}>
                <Textarea
                  value={draft.description}
                  maxLength={4000}
                  readOnly={readOnly}
                  resize="vertical"
                  onChange={(_e, d) => edit({ description: d.value })}
                />
              </Field>
              <Field label={t('labs.task.column')}>
                <Select
                  value={draft.column}
                  disabled={readOnly}
                  onChange={(_e, d) => edit({ column: d.value as LabColumn })}
                >
                  {LAB_COLUMNS.map((c) => (
                    <option key={c} value={c}>
                      {t(`labs.column.${c}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <fieldset className={styles.people}>
                <legend>{t('labs.task.assigneesLegend')}</legend>
                {people.length === 0 && <Text>{t('labs.task.noMembers')}</Text>}
                {people.map((m) => {
                  const id = m.person.objectId ?? '';
                  return (
                    <Checkbox
                      key={id}
                      label={personName(t, m.person)}
                      checked={draft.assignees.includes(id)}
                      disabled={readOnly}
                      onChange={(_e, d) =>
                        edit({
                          assignees: d.checked
                            ? [...draft.assignees, id]
                            : draft.assignees.filter((a) => a !== id),
                        })
                      }
                    />
                  );
                })}
              </fieldset>
              <Field label={t('labs.task.dueDate')}>
                <Input
                  type="date"
                  value={draft.dueDate}
                  readOnly={readOnly}
                  onChange={(_e, d) => edit({ dueDate: d.value })}
                />
              </Field>
              <Field label={t('labs.task.milestoneField')}>
                <Select
                  value={draft.milestoneId}
                  disabled={readOnly}
                  onChange={(_e, d) => edit({ milestoneId: d.value })}
                >
                  <option value="">{t('labs.task.noMilestone')}</option>
                  {props.milestones.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}
                    </option>
                  ))}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              {props.editable && task && (
                <Button onClick={remove} disabled={action.busy !== null}>
                  {t('labs.task.delete')}
                </Button>
              )}
              <Button onClick={props.onClose}>{t('labs.close')}</Button>
              {props.editable && (
                <Button
                  appearance="primary"
                  type="submit"
                  disabled={action.busy !== null || draft.title.trim() === ''}
                >
                  {t('labs.task.save')}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
