import { parseDirectoryCsv } from './directory-csv';

const HEADER = 'objectId,upn,displayName,orgUnitPath,manager,roles,locale';

describe('parseDirectoryCsv', () => {
  it('reads people with org-unit paths, roles and locales', () => {
    const result = parseDirectoryCsv(
      [
        HEADER,
        '6f1d2c3b-0000-4000-8000-000000000001,,Anna Neri,Area Welfare > Settore Salute,no,facilitator,en-US',
        ',"luca.rossi@comune-demo.example",Luca Rossi,"Area Cultura e Sport",sì,facilitator;admin,',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      people: [
        {
          objectId: '6f1d2c3b-0000-4000-8000-000000000001',
          displayName: 'Anna Neri',
          orgUnitPath: ['Area Welfare', 'Settore Salute'],
          manager: false,
          roles: ['facilitator'],
          locale: 'en-US',
        },
        {
          upn: 'luca.rossi@comune-demo.example',
          displayName: 'Luca Rossi',
          orgUnitPath: ['Area Cultura e Sport'],
          manager: true,
          roles: ['facilitator', 'admin'],
          locale: 'it-IT',
        },
      ],
    });
  });

  it('reports every invalid row by line number', () => {
    const result = parseDirectoryCsv(
      [
        HEADER,
        ',,No Id,Area A,no,,',
        'not-a-guid,,Bad Id,Area A,no,,',
        ',x@comune-demo.example,Bad Role,Area A,maybe,boss,fr-FR',
        ',ok@comune-demo.example,Fine,Area A,no,,',
        ',OK@comune-demo.example,Duplicate,Area A,no,,',
      ].join('\r\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => p.line);
    expect(new Set(lines)).toEqual(new Set([2, 3, 4, 6]));
    expect(result.problems.find((p) => p.line === 6)?.message).toBe('upn: same as line 5');
    expect(result.problems.filter((p) => p.line === 4).map((p) => p.message.split(':')[0])).toEqual(
      expect.arrayContaining(['manager', 'roles', 'locale']),
    );
  });

  it('counts lines inside quoted multi-line fields', () => {
    const result = parseDirectoryCsv(
      `${HEADER}\n,a@comune-demo.example,"Two\nLines",Area A,no,,\n,,x,Area A,no,,`,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.line)).toEqual([4]);
  });

  it('names missing columns', () => {
    const result = parseDirectoryCsv('objectId,displayName\n1,x');
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'missing columns: upn, orgUnitPath, manager, roles, locale' }],
    });
  });

  it('refuses a UPN or an object id on two rows, naming both lines', () => {
    const result = parseDirectoryCsv(
      [
        HEADER,
        '6f1d2c3b-0000-4000-8000-000000000001,anna@comune-demo.example,Anna,Area A,no,,',
        '6f1d2c3b-0000-4000-8000-000000000002,Anna@comune-demo.example,Anna Bis,Area A,no,,',
        ',luca@comune-demo.example,Luca,Area A,no,,',
        '6F1D2C3B-0000-4000-8000-000000000001,,Anna Ter,Area A,no,,',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, message: 'upn: same as line 2' },
        { line: 5, message: 'objectId: same as line 2' },
      ],
    });
  });

  it('refuses a repeated column', () => {
    const result = parseDirectoryCsv(`${HEADER},roles\n,a@comune-demo.example,A,Area A,no,,,admin`);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'repeated columns: roles' }],
    });
  });

  it('reports an org-unit path that cannot be stored on its line', () => {
    const long = Array.from({ length: 8 }, (_, i) => `Unità ${i} ${'è'.repeat(40)}`).join(' > ');
    const result = parseDirectoryCsv(
      [
        HEADER,
        ',a@comune-demo.example,A,Area A,no,,',
        `,b@comune-demo.example,B,${long},no,,`,
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          message: expect.stringMatching(
            /^orgUnitPath: too long once encoded \(\d+ characters, at most 400\)$/,
          ),
        },
      ],
    });
  });

  it('reports malformed CSV', () => {
    const result = parseDirectoryCsv(`${HEADER}\n,"unterminated,x,Area A,no,,`);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reports an unclosed quote on the line where it opens (%s)', (_name, eol) => {
    const result = parseDirectoryCsv(
      [
        `\uFEFF${HEADER}`,
        ',a@comune-demo.example,"Two ""quoted""',
        'lines",Area A,no,,',
        '',
        ',b@comune-demo.example,B,"Area B,no,,',
        ',c@comune-demo.example,C,Area C,no,,',
        ',d@comune-demo.example,D,Area D,no,,',
      ].join(eol),
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 5, message: 'a quoted field opens on this line and is never closed' }],
    });
  });
});
