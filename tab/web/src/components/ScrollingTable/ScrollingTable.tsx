import {
  Table,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useId, type ReactNode, type Ref } from 'react';
import { useScrollingTableStyles } from './ScrollingTable.styles';

export interface ScrollingTableProps {
  /** Shown above the table: the name of the table and of its region. */
  caption: string;
  /** The table's own class (a minimum width, say), beside its automatic column widths. */
  className?: string;
  /** The region, to move the focus to it. */
  ref?: Ref<HTMLDivElement>;
  /** The columns' headers, when the table has one header row of plain names. */
  columns?: readonly string[];
  /** The table's body (and its header, without `columns`). */
  children: ReactNode;
}

/**
 * A wide table in a region of its own that scrolls sideways on a narrow screen: named by its
 * caption, and focusable so that keyboard users can scroll it too.
 */
export function ScrollingTable({
  caption,
  className,
  ref,
  columns,
  children,
}: ScrollingTableProps) {
  const styles = useScrollingTableStyles();
  const captionId = useId();
  return (
    <div ref={ref} className={styles.region} role="region" aria-labelledby={captionId} tabIndex={0}>
      <Text as="p" block id={captionId} weight="semibold">
        {caption}
      </Text>
      <Table aria-labelledby={captionId} className={mergeClasses(styles.table, className)}>
        {columns && (
          <TableHeader>
            <TableRow>
              {columns.map((name) => (
                <TableHeaderCell key={name} scope="col">
                  {name}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
        )}
        {children}
      </Table>
    </div>
  );
}
