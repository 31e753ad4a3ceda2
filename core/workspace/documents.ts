/**
 * The documents the workspace accepts, recognised by their bytes, never by name or declared
 * type: PDF by its signature; OOXML (docx, xlsx, pptx) and ODF (odt, ods, odp) as ZIP archives
 * whose central directory names the format's own member (`[Content_Types].xml` and the main
 * part; `mimetype` holding the format's type). A renamed executable, script or other archive is
 * none of them.
 */
export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';

export const DOCUMENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

const OOXML_PARTS: [string, DocumentFormat][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];

/** Whether the first bytes may start an accepted document (the whole file is checked after). */
export function mayBeDocument(head: Buffer): boolean {
  return head.subarray(0, PDF.length).equals(PDF) || head.subarray(0, ZIP.length).equals(ZIP);
}

/** The names in a ZIP's central directory; undefined when it is not a well-formed ZIP. */
function zipNames(data: Buffer): string[] | undefined {
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  const from = Math.max(0, data.length - 22 - 65_535);
  let end = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    names.push(data.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** ODF's first member is `mimetype`, stored uncompressed: its content right after the header. */
function odfType(data: Buffer): string | undefined {
  if (data.length < 30) return undefined;
  const nameLength = data.readUInt16LE(26);
  const extra = data.readUInt16LE(28);
  const size = data.readUInt32LE(18);
  if (data.toString('utf8', 30, 30 + nameLength) !== 'mimetype' || size > 100) return undefined;
  const start = 30 + nameLength + extra;
  return data.toString('ascii', start, start + size);
}

/** The document's format by its content, or undefined when it is none the workspace accepts. */
export function sniffDocument(data: Buffer): DocumentFormat | undefined {
  if (data.subarray(0, PDF.length).equals(PDF)) return 'pdf';
  if (!data.subarray(0, ZIP.length).equals(ZIP)) return undefined;
  const names = zipNames(data);
  if (!names) return undefined;
  if (names.includes('[Content_Types].xml')) {
    return OOXML_PARTS.find(([part]) => names.includes(part))?.[1];
  }
  const type = odfType(data);
  const odf = (['odt', 'ods', 'odp'] as const).find((f) => DOCUMENT_TYPES[f] === type);
  return odf && names.includes('content.xml') ? odf : undefined;
}
