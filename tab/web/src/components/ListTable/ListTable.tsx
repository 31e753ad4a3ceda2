import {
  Link,
  TableBody,
  TableCell,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useListTableStyles } from './ListTable.styles';

export interface ListColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** `nowrap`: a short value kept on one line; `wide`: a text that wraps, at least 12rem wide. */
  fit?: 'nowrap' | 'wide';
}

/**
 * A list of things newest first, as a table: the first column names each row and is a
 * link-like button that opens it (pressed while it is the `selected` one, when the list has a
 * selection); a sentence instead of the table when there is nothing.
 */
export function ListTable<T extends { id: string }>({
  rows,
  caption,
  empty,
  columns: [first, ...rest],
  selected,
  onOpen,
}: {
  rows: readonly T[];
  caption: string;
  empty: string;
  columns: readonly [ListColumn<T>, ...ListColumn<T>[]];
  /** The row shown below the list; `undefined`: the list has no selection. */
  selected?: string | null;
  onOpen: (row: T) => void;
}) {
  const styles = useListTableStyles();
  const fitOf = (column: ListColumn<T>) => (column.fit ? styles[column.fit] : undefined);
  if (rows.length === 0) {
    return (
      <Text as="p" block>
        {empty}
      </Text>
    );
  }
  return (
    <ScrollingTable caption={caption} columns={[first, ...rest].map((column) => column.header)}>
      <TableBody>
        {rows.map((row) => {
          const current = selected === undefined ? undefined : row.id === selected;
          return (
            <TableRow key={row.id} className={current ? styles.selected : undefined}>
              <TableHeaderCell scope="row" className={fitOf(first)}>
                <Link
                  as="button"
                  aria-pressed={current}
                  className={current ? styles.current : undefined}
                  onClick={() => onOpen(row)}
                >
                  {first.cell(row)}
                </Link>
              </TableHeaderCell>
              {rest.map((column) => (
                <TableCell key={column.header} className={fitOf(column)}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollingTable>
  );
}
