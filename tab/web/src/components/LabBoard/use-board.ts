import { useCallback, useRef, useState } from 'react';
import { StaleTaskError, useLabsApi } from '../../api/labs';
import type { LabTask } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { stepOf, type Placement, type Step } from './board-moves';

/**
 * Moves on the board: shown at once, saved in order per task (each with the version the
 * previous save answered, so quick keyboard moves do not refuse each other), and announced to
 * screen readers. A move someone else overtook shows their version and says so.
 */
export function useBoard(
  labId: string,
  tasks: readonly LabTask[],
  onTask: (id: string, task: LabTask | null) => void,
) {
  const api = useLabsApi();
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [stale, setStale] = useState<LabTask | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queues = useRef(new Map<string, { last: Promise<void>; etag: string; moves: number }>());

  const columnName = useCallback((column: LabTask['column']) => t(`labs.column.${column}`), [t]);

  const move = useCallback(
    (task: LabTask, place: Placement) => {
      if (task.column === place.column && task.order === place.order) return;
      setStale(null);
      setError(null);
      onTask(task.id, { ...task, ...place });
      setAnnouncement(
        place.column === task.column
          ? t('labs.board.reordered', { title: task.title, column: columnName(place.column) })
          : t('labs.board.moved', { title: task.title, column: columnName(place.column) }),
      );
      const queue = queues.current.get(task.id) ?? {
        last: Promise.resolve(),
        etag: task.etag,
        moves: 0,
      };
      queues.current.set(task.id, queue);
      const mine = ++queue.moves;
      queue.last = queue.last.then(async () => {
        try {
          const saved = await api.changeTask(labId, { id: task.id, etag: queue.etag }, place);
          queue.etag = saved.etag;
          if (mine === queue.moves) onTask(task.id, saved);
        } catch (failure) {
          queues.current.delete(task.id);
          if (failure instanceof StaleTaskError) {
            onTask(task.id, failure.current);
            setStale(failure.current);
            setAnnouncement(t('labs.task.stale', { title: failure.current.title }));
          } else {
            onTask(task.id, task);
            setError(failure);
          }
        }
      });
    },
    [api, labId, onTask, t, columnName],
  );

  const step = useCallback(
    (task: LabTask, direction: Step) => {
      const place = stepOf(tasks, task, direction);
      if (place) move(task, place);
      else setAnnouncement(t('labs.board.cannotMove', { title: task.title }));
    },
    [tasks, move, t],
  );

  return {
    move,
    step,
    announcement,
    stale,
    error,
    dismiss: () => {
      setStale(null);
      setError(null);
    },
  };
}
