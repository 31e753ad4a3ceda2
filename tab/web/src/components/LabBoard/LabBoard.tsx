import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { LAB_COLUMNS } from '../../api/labs';
import type { Lab, LabColumn, LabTask } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { programmeToday } from '../LabPage/lab-view';
import { boardOf, placeAt } from './board-moves';
import { useLabBoardStyles } from './LabBoard.styles';
import { TaskCard } from './TaskCard';
import { TaskEditor } from './TaskEditor';
import { useBoard } from './use-board';

type Editing = { task: LabTask | null; column: LabColumn } | null;

/** Where in `list` a drop at `y` lands: before the first card whose middle is below it. */
function dropIndex(list: HTMLElement, y: number, dragged: string | null): number {
  const cards = [...list.querySelectorAll<HTMLElement>('[data-task]')].filter(
    (card) => card.dataset.task !== dragged,
  );
  const index = cards.findIndex((card) => {
    const box = card.getBoundingClientRect();
    return y < box.top + box.height / 2;
  });
  return index === -1 ? cards.length : index;
}

/** The lab's board: Da fare / In corso / Fatto, moved by menu, keyboard or drag and drop. */
export function LabBoard({
  lab,
  onTask,
}: {
  lab: Lab;
  onTask: (id: string, task: LabTask | null) => void;
}) {
  const { t } = useI18n();
  const styles = useLabBoardStyles();
  const board = useBoard(lab.id, lab.tasks, onTask);
  const [editing, setEditing] = useState<Editing>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<LabColumn | null>(null);
  const editable = lab.permissions.editBoard && lab.status !== 'concluded';
  const columns = boardOf(lab.tasks);
  const today = programmeToday();
  // A moved card is a new element in its new place: the keyboard focus follows it there.
  const root = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState<string | null>(null);
  useEffect(() => {
    if (!follow) return;
    const focus = () =>
      root.current
        ?.querySelector<HTMLElement>(`[data-task="${CSS.escape(follow)}"] button`)
        ?.focus();
    focus();
    const frame = requestAnimationFrame(() => {
      focus();
      setFollow(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [follow, lab.tasks]);

  const drop = (column: LabColumn) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain') || dragged;
    const task = lab.tasks.find((x) => x.id === id);
    const list = event.currentTarget.querySelector<HTMLElement>('ul');
    if (!task || !list) return;
    board.move(task, placeAt(lab.tasks, task.id, column, dropIndex(list, event.clientY, id)));
  };

  return (
    <div className={styles.root} ref={root}>
      {editable && (
        <Text as="p" block id="lab-board-keys" className={styles.hint}>
          {t('labs.board.keys')}
        </Text>
      )}
      <div role="status" aria-live="polite" className={styles.live}>
        {board.announcement}
      </div>
      {board.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('labs.task.stale', { title: board.stale.title })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={board.dismiss}>{t('labs.dismiss')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {board.error !== null && <ErrorBar error={board.error} refusal />}
      <div className={styles.columns}>
        {LAB_COLUMNS.map((column) => (
          <section
            key={column}
            aria-labelledby={`lab-column-${column}`}
            className={mergeClasses(styles.column, over === column && styles.dropTarget)}
            onDragOver={(event) => {
              if (!editable || !dragged) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOver(column);
            }}
            onDragLeave={() => setOver((o) => (o === column ? null : o))}
            onDrop={drop(column)}
          >
            <Subtitle2 as="h3" id={`lab-column-${column}`}>
              {t('labs.board.columnHeading', {
                column: t(`labs.column.${column}`),
                count: columns[column].length,
              })}
            </Subtitle2>
            <ul className={styles.list} aria-labelledby={`lab-column-${column}`}>
              {columns[column].map((task) => (
                <TaskCard
                  key={task.id}
                  task={task}
                  milestones={lab.milestones}
                  today={today}
                  editable={editable}
                  dragging={dragged === task.id}
                  onOpen={() => {
                    setFollow(null);
                    setEditing({ task, column });
                  }}
                  onStep={(step) => {
                    setFollow(task.id);
                    board.step(task, step);
                  }}
                  onMoveTo={(to) => {
                    setFollow(task.id);
                    board.move(task, placeAt(lab.tasks, task.id, to, Infinity));
                  }}
                  onDragStart={() => setDragged(task.id)}
                  onDragEnd={() => {
                    setDragged(null);
                    setOver(null);
                  }}
                />
              ))}
            </ul>
            {editable && (
              <Button
                appearance="subtle"
                onClick={() => setEditing({ task: null, column })}
                aria-label={t('labs.board.addIn', { column: t(`labs.column.${column}`) })}
              >
                {t('labs.board.add')}
              </Button>
            )}
          </section>
        ))}
      </div>
      {editing && (
        <TaskEditor
          labId={lab.id}
          task={editing.task}
          column={editing.column}
          members={lab.members}
          milestones={lab.milestones}
          editable={editable}
          onClose={() => setEditing(null)}
          onSaved={onTask}
        />
      )}
    </div>
  );
}
