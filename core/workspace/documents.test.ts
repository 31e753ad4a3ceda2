import { deflateRawSync } from 'node:zlib';
import { mayBeDocument, sniffDocument } from './documents';

/** A minimal ZIP of `members` (stored, no compression), as office suites write them. */
function zip(members: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of members) {
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    const part = Buffer.concat([local, Buffer.from(name), data]);
    locals.push(part);
    directory.push(Buffer.concat([entry, Buffer.from(name)]));
    offset += part.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('sniffDocument', () => {
  it('recognises PDF, OOXML and ODF by their content', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    const ooxml = (part: string) =>
      zip([
        ['[Content_Types].xml', '<Types/>'],
        [part, '<x/>'],
      ]);
    expect(sniffDocument(ooxml('word/document.xml'))).toBe('docx');
    expect(sniffDocument(ooxml('xl/workbook.xml'))).toBe('xlsx');
    expect(sniffDocument(ooxml('ppt/presentation.xml'))).toBe('pptx');
    const odt = zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office/>'],
    ]);
    expect(sniffDocument(odt)).toBe('odt');
  });

  it('refuses an executable, a plain ZIP and a ZIP that only names a member', () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    expect(mayBeDocument(exe)).toBe(false);
    expect(sniffDocument(exe)).toBeUndefined();
    expect(sniffDocument(zip([['setup.exe', 'MZ...']]))).toBeUndefined();
    expect(sniffDocument(zip([['[Content_Types].xml', '<Types/>']]))).toBeUndefined();
    expect(sniffDocument(zip([['mimetype', 'application/x-msdownload']]))).toBeUndefined();
    expect(sniffDocument(Buffer.concat([Buffer.from('PK\x03\x04'), deflateRawSync('x')]))).toBe(
      undefined,
    );
  });
});
