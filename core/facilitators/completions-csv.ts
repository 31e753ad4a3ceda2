import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { LineProblem, LineReason } from './training-errors';

export const COMPLETIONS_CSV_COLUMNS = ['person', 'module', 'date', 'hours'] as const;

/** The hours of one completion: half hours, from half an hour to a working week. */
export const CompletionHoursSchema = z.coerce
  .number()
  .min(0.5)
  .max(40)
  .refine((h) => Number.isInteger(h * 2), 'in half hours');

/** A calendar day, `YYYY-MM-DD`, from 2000 on (the future is refused against today). */
export const CompletionDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) => {
      const day = new Date(`${d}T00:00:00Z`);
      return d >= '2000-01-01' && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(d);
    },
    { message: 'not a calendar day' },
  );

export interface CompletionLine {
  line: number;
  /** An object id or a UPN, as written (lower case). */
  person: string;
  moduleId: string;
  date: string;
  hours: number;
}

export type CompletionsCsv =
  { ok: true; lines: CompletionLine[] } | { ok: false; problems: LineProblem[] };

/**
 * Parses a completions export (UTF-8, comma-separated, a header with
 * {@link COMPLETIONS_CSV_COLUMNS}): each line's own format. Who and which module are checked by
 * the caller, against the roster and the catalogue.
 */
export function parseCompletionsCsv(text: string): CompletionsCsv {
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase());
        return header;
      },
      skip_empty_lines: true,
      info: true,
      trim: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return { ok: false, problems: [{ line, reason: 'syntax' }] };
  }
  const missing = COMPLETIONS_CSV_COLUMNS.some((c) => !header.includes(c));
  if (missing || new Set(header).size !== header.length) {
    return { ok: false, problems: [{ line: 1, reason: 'columns' }] };
  }
  if (records.length === 0) return { ok: false, problems: [{ line: 1, reason: 'empty' }] };
  const lines: CompletionLine[] = [];
  const problems: LineProblem[] = [];
  for (const { record, info } of records) {
    const reason = lineProblem(record);
    if (reason) problems.push({ line: info.lines, reason });
    else {
      lines.push({
        line: info.lines,
        person: record.person!.toLowerCase(),
        moduleId: record.module!,
        date: record.date!,
        hours: CompletionHoursSchema.parse(record.hours),
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}

function lineProblem(record: Record<string, string>): LineReason | undefined {
  if (!record.person || record.person.length > 256) return 'unknownPerson';
  if (!record.module || record.module.length > 60) return 'unknownModule';
  if (!CompletionDateSchema.safeParse(record.date).success) return 'badDate';
  if (!CompletionHoursSchema.safeParse(record.hours).success) return 'badHours';
  return undefined;
}
