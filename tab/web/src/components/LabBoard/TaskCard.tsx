import {
  Badge,
  Button,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { LAB_COLUMNS } from '../../api/labs';
import type { LabColumn, LabMilestone, LabTask } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { personName, formatDay } from '../LabPage/lab-view';
import { stepOfKey, type Step } from './board-moves';
import { useLabBoardStyles } from './LabBoard.styles';

export interface TaskCardProps {
  task: LabTask;
  milestones: readonly LabMilestone[];
  today: string;
  editable: boolean;
  dragging: boolean;
  onOpen: () => void;
  onStep: (step: Step) => void;
  onMoveTo: (column: LabColumn) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

/**
 * One task: its title opens it; "Sposta in…" and Shift with an arrow move it (the board
 * announces where it went); it can be dragged too.
 */
export function TaskCard(props: TaskCardProps) {
  const { task, editable } = props;
  const { t, locale } = useI18n();
  const styles = useLabBoardStyles();
  const milestone = props.milestones.find((m) => m.id === task.milestoneId);
  const overdue = task.column !== 'done' && task.dueDate !== null && task.dueDate < props.today;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = editable ? stepOfKey(event) : null;
    if (!step) return;
    event.preventDefault();
    props.onStep(step);
  };
  return (
    <li
      className={mergeClasses(styles.card, props.dragging && styles.dragging)}
      draggable={editable}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', task.id);
        event.dataTransfer.effectAllowed = 'move';
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      data-task={task.id}
    >
      <Link
        as="button"
        className={styles.cardTitle}
        onClick={props.onOpen}
        onKeyDown={onKeyDown}
        aria-keyshortcuts={
          editable ? 'Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown' : undefined
        }
        aria-describedby={editable ? 'lab-board-keys' : undefined}
      >
        {task.title}
      </Link>
      {task.assignees.length > 0 && (
        <Text className={styles.meta}>
          {t('labs.task.assignees', {
            names: task.assignees.map((p) => personName(t, p)).join(', '),
          })}
        </Text>
      )}
      {(task.dueDate || milestone) && (
        <Text className={styles.meta}>
          {[
            task.dueDate ? t('labs.task.due', { date: formatDay(task.dueDate, locale) }) : null,
            milestone ? t('labs.task.milestone', { title: milestone.title }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {overdue && (
        <Badge appearance="tint" color="danger">
          {t('labs.task.overdue')}
        </Badge>
      )}
      {editable && (
        <div className={styles.actions}>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" aria-label={t('labs.task.moveLabel', { title: task.title })}>
                {t('labs.task.move')}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {LAB_COLUMNS.filter((c) => c !== task.column).map((column) => (
                  <MenuItem key={column} onClick={() => props.onMoveTo(column)}>
                    {t('labs.task.moveTo', { column: t(`labs.column.${column}`) })}
                  </MenuItem>
                ))}
                <MenuItem onClick={() => props.onStep('up')}>{t('labs.task.moveUp')}</MenuItem>
                <MenuItem onClick={() => props.onStep('down')}>{t('labs.task.moveDown')}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      )}
    </li>
  );
}
