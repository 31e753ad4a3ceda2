/** The fields of one RFC 4180 line, quotes removed. */
function fieldsOf(line: string): string[] {
  const field = /("(?:[^"]|"")*"|[^,]*)(,|$)/y;
  const fields: string[] = [];
  for (;;) {
    const [, text = '', separator] = field.exec(line) ?? [];
    fields.push(text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text);
    if (separator !== ',') return fields;
  }
}

/** RFC 4180 records of a CSV without embedded line breaks (enough for the fixtures). */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map(fieldsOf);
}
