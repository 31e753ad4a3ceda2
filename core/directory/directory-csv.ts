import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DEFAULT_LOCALE, parseOrgUnitPath, PersonSchema, type Person } from './person';

export const DIRECTORY_CSV_COLUMNS = [
  'objectId',
  'upn',
  'displayName',
  'orgUnitPath',
  'manager',
  'roles',
  'locale',
] as const;

export interface CsvProblem {
  /** 1-based line in the file; 1 is the header. */
  line: number;
  message: string;
}

export type DirectoryCsvResult =
  { ok: true; people: Person[] } | { ok: false; problems: CsvProblem[] };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'si', 'sì', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

const RowSchema = z.object({
  objectId: z.string().trim(),
  upn: z.string().trim(),
  displayName: z.string(),
  orgUnitPath: z.string(),
  manager: z.string().trim().toLowerCase(),
  roles: z.string(),
  locale: z.string().trim(),
});

const ManagerSchema = z
  .string()
  .refine((v) => TRUE_WORDS.has(v) || FALSE_WORDS.has(v), { message: 'must be yes or no' })
  .transform((v) => TRUE_WORDS.has(v));

/**
 * Parses an HR export (UTF-8, comma-separated, header row with {@link DIRECTORY_CSV_COLUMNS}).
 * Every row is checked; any problem makes the whole file invalid so that nothing is imported.
 */
export function parseDirectoryCsv(text: string): DirectoryCsvResult {
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim());
        return header;
      },
      skip_empty_lines: true,
      info: true,
      trim: false,
    });
  } catch (error) {
    return { ok: false, problems: [parseProblem(text, error)] };
  }

  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) {
    return { ok: false, problems: headerProblems.map((message) => ({ line: 1, message })) };
  }

  const problems: CsvProblem[] = [];
  const people: Person[] = [];
  const seen: Seen = { objectId: new Map(), upn: new Map() };
  for (const { record, info } of records) {
    const row = parseRow(record);
    const messages = row.ok ? duplicatesOf(row.person, info.lines, seen) : row.messages;
    if (row.ok && messages.length === 0) people.push(row.person);
    problems.push(...messages.map((message) => ({ line: info.lines, message })));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, people };
}

function parseRow(
  record: Record<string, string>,
): { ok: true; person: Person } | { ok: false; messages: string[] } {
  const row = RowSchema.safeParse(record);
  if (!row.success) return { ok: false, messages: row.error.issues.map(describe) };
  const r = row.data;
  const manager = ManagerSchema.safeParse(r.manager);
  const person = PersonSchema.safeParse({
    objectId: r.objectId || undefined,
    upn: r.upn || undefined,
    displayName: r.displayName,
    orgUnitPath: parseOrgUnitPath(r.orgUnitPath),
    manager: manager.data ?? false,
    roles: r.roles
      .split(';')
      .map((role) => role.trim().toLowerCase())
      .filter(Boolean),
    locale: r.locale || DEFAULT_LOCALE,
  });
  const issues = [
    ...(manager.error?.issues ?? []).map((i) => ({ ...i, path: ['manager'] })),
    ...(person.error?.issues ?? []),
  ];
  if (!person.success || issues.length > 0) return { ok: false, messages: issues.map(describe) };
  return { ok: true, person: person.data };
}

/** The first line of each object id and UPN, to refuse a second row for the same person. */
type Seen = Record<'objectId' | 'upn', Map<string, number>>;

function duplicatesOf(person: Person, line: number, seen: Seen): string[] {
  const messages: string[] = [];
  for (const field of ['objectId', 'upn'] as const) {
    const id = person[field];
    const earlier = id === undefined ? undefined : seen[field].get(id);
    if (earlier !== undefined) messages.push(`${field}: same as line ${earlier}`);
    else if (id !== undefined) seen[field].set(id, line);
  }
  return messages;
}

function checkHeader(header: readonly string[]): string[] {
  const missing = DIRECTORY_CSV_COLUMNS.filter((c) => !header.includes(c));
  const repeated = [...new Set(header.filter((c, i) => header.indexOf(c) !== i))];
  return [
    ...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []),
    // csv-parse would keep the last of two same-named columns and drop the other unseen.
    ...(repeated.length > 0 ? [`repeated columns: ${repeated.join(', ')}`] : []),
  ];
}

function parseProblem(text: string, error: unknown): CsvProblem {
  if (!(error instanceof CsvError)) throw error;
  const line = typeof error.lines === 'number' ? error.lines : 1;
  // csv-parse reports an unclosed quote at the end of the file, where it gave up looking.
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      line: unclosedQuoteLine(text) ?? line,
      message: 'a quoted field opens on this line and is never closed',
    };
  }
  return { line, message: error.message };
}

/** The line where a quoted field that runs to the end of `text` opens (csv-parse's quoting). */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let fieldStart = true;
  // A byte-order mark precedes the first field.
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (openedAt !== undefined) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') openedAt = undefined;
    } else if (ch === '"' && fieldStart) openedAt = line;
    if (ch === '\n') line++;
    fieldStart = openedAt === undefined && (ch === ',' || ch === '\n' || ch === '\r');
  }
  return openedAt;
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.filter((p) => typeof p === 'string')[0];
  return field ? `${field}: ${issue.message}` : issue.message;
}
