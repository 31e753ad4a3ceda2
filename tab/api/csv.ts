import type restify from 'restify';
import type { Locale } from '../../core/directory/person';

/** A field is a number (written as the spreadsheet reads numbers) or words. */
export type Field = number | string | null;

/**
 * Excel reads a CSV with the list separator and decimal mark of the system's locale: Italian
 * Excel splits on ";" and reads "78,4" as a number, English Excel ",", and "78.4". The same
 * dialect as the tab's own exports (the dashboard's CSV).
 */
const SEPARATOR: Record<Locale, string> = { 'it-IT': ';', 'en-US': ',' };

function writer(locale: Locale): (field: Field) => string {
  const separator = SEPARATOR[locale];
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

/** Lines of fields as a file the locale's spreadsheet opens as columns and numbers. */
export function csvText(lines: readonly (readonly Field[])[], locale: Locale): string {
  const write = writer(locale);
  // The BOM tells Excel the file is UTF-8 (accents).
  return `\uFEFF${lines.map((line) => line.map(write).join(SEPARATOR[locale])).join('\r\n')}\r\n`;
}

/** Answers a CSV file as a download named `filename` (ASCII). */
export function sendCsv(res: restify.Response, filename: string, text: string): void {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
  res.end(text);
}
