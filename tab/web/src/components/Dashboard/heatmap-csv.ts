import type { Locale, Translate } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import type { HeatmapTable, ShownCell } from './heatmap-table';

/** A field is a number (written as the spreadsheet reads numbers) or words. */
export type Field = number | string | null;

/**
 * Excel reads a CSV with the list separator and decimal mark of the system's locale: Italian
 * Excel splits on ";" and reads "78,4" as a number, English Excel ",", and "78.4".
 */
const DIALECT: Record<Locale, { separator: string }> = {
  'it-IT': { separator: ';' },
  'en-US': { separator: ',' },
};

function writer(locale: Locale): (field: Field) => string {
  const { separator } = DIALECT[locale];
  // No grouping: "1.234" would read as 1,234 in one locale and a decimal in the other.
  const number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 1 });
  return (field) => {
    if (field === null) return '';
    if (typeof field === 'number') return number.format(field);
    // A leading = + - @ would make a spreadsheet evaluate the words as a formula.
    const safe = /^[=+\-@]/.test(field) ? `'${field}` : field;
    return safe.includes(separator) || /["\r\n]/.test(safe)
      ? `"${safe.replace(/"/g, '""')}"`
      : safe;
  };
}

/**
 * The file a spreadsheet opens as columns and numbers: a header block (round, scope, threshold,
 * publication and export dates), then exactly the cells on screen, each column as its number and
 * its words; with a comparison each dimension's difference and its note; hidden numbers empty.
 */
export function heatmapCsv(
  table: HeatmapTable,
  t: Translate,
  locale: Locale,
  exportedAt: Date,
): string {
  const { about, compare } = table;
  const participants = t('dashboard.participants');
  const heading: Field[][] = [
    [t('csv.campaign'), about.campaign],
    ...(compare === null ? [] : [[t('csv.compare'), compare]]),
    [t('csv.scope'), about.scope],
    [t('csv.k'), about.k],
    [
      t('csv.published'),
      about.publishedAt ? formatDate(about.publishedAt, locale) : t('csv.notPublished'),
    ],
    [t('csv.exported'), formatDate(exportedAt.toISOString(), locale)],
    [],
  ];
  const header: Field[] = [
    t('dashboard.unit'),
    participants,
    t('csv.note', { column: participants }),
    ...table.dimensions.flatMap((d) => [
      t('csv.mean', { column: d.name }),
      t('csv.note', { column: d.name }),
      ...(compare === null
        ? []
        : [
            t('csv.change', { column: d.name, campaign: compare }),
            t('csv.changeNote', { column: d.name }),
          ]),
    ]),
  ];
  const fields = (cell: ShownCell): Field[] => [
    cell.number,
    cell.note,
    ...(cell.change ? [cell.change.number, cell.change.note] : []),
  ];
  const rows = table.rows.map((row) => [
    row.label,
    ...fields(row.participants),
    ...row.dimensions.flatMap(fields),
  ]);
  return csvText([...heading, header, ...rows], locale);
}

/** Lines of fields as a file the locale's spreadsheet opens as columns and numbers. */
export function csvText(lines: readonly (readonly Field[])[], locale: Locale): string {
  const write = writer(locale);
  const { separator } = DIALECT[locale];
  // The BOM tells Excel the file is UTF-8 (accents, "›").
  return `\uFEFF${lines.map((line) => line.map(write).join(separator)).join('\r\n')}\r\n`;
}

/** Plain ASCII words for a file name: "Area Educazione, Istruzione" → "area-educazione-istruzione". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The export's name says which round, which unit and which day. */
export function heatmapFileName(table: HeatmapTable, t: Translate, exportedAt: Date): string {
  const { about } = table;
  return t('dashboard.fileName', {
    campaign: slug(about.campaignId),
    scope: slug(about.scopePath.at(-1) ?? t('csv.scopeAllFile')),
    date: [
      exportedAt.getFullYear(),
      String(exportedAt.getMonth() + 1).padStart(2, '0'),
      String(exportedAt.getDate()).padStart(2, '0'),
    ].join('-'),
  });
}
