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
    expect(result.problems.find((p) => p.line === 6)?.message).toBe('same person as line 5');
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

  it('reports malformed CSV', () => {
    const result = parseDirectoryCsv(`${HEADER}\n,"unterminated,x,Area A,no,,`);
    expect(result.ok).toBe(false);
  });
});
