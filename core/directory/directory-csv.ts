import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DEFAULT_LOCALE, parseOrgUnitPath, personId, PersonSchema, type Person } from './person';

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
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      info: true,
      trim: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, message: (error as Error).message }] };
  }

  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim());
  const missing = DIRECTORY_CSV_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }],
    };
  }

  const problems: CsvProblem[] = [];
  const people: Person[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const row = RowSchema.safeParse(record);
    if (!row.success) {
      problems.push(...row.error.issues.map((i) => ({ line, message: describe(i) })));
      continue;
    }
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
    if (!person.success || issues.length > 0) {
      problems.push(...issues.map((i) => ({ line, message: describe(i) })));
      continue;
    }
    const id = personId(person.data);
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) {
      problems.push({ line, message: `same person as line ${earlier}` });
      continue;
    }
    firstLineOf.set(id, line);
    people.push(person.data);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, people };
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.filter((p) => typeof p === 'string')[0];
  return field ? `${field}: ${issue.message}` : issue.message;
}
