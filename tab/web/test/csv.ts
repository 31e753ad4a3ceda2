import { parse } from 'csv-parse/sync';

/** An exported heat map as a spreadsheet reads it: the header block, then the table. */
export function readExport(
  text: string,
  delimiter: ';' | ',',
): { about: string[][]; table: string[][] } {
  return split(
    parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }),
  );
}

function split(records: string[][]): { about: string[][]; table: string[][] } {
  const gap = records.findIndex((record) => record.every((field) => field === ''));
  return { about: records.slice(0, gap), table: records.slice(gap + 1) };
}

/** A field the way Italian (or English) Excel reads a number: digits, one decimal mark, "-". */
export function numberOf(field: string | undefined, decimal: ',' | '.'): number {
  const pattern = decimal === ',' ? /^-?\d+(,\d)?$/ : /^-?\d+(\.\d)?$/;
  if (!field || !pattern.test(field)) throw new Error(`not a number: ${String(field)}`);
  return Number(field.replace(',', '.'));
}
