import type { Person } from '../directory/person';
import { approversOf } from './approvers';

let n = 0;
function person(path: string[], extra: Partial<Person> = {}): Person {
  n++;
  return {
    objectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: `Persona ${n}`,
    orgUnitPath: path,
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...extra,
  };
}

const AREA = ['Area Welfare'];
const SETTORE = ['Area Welfare', 'Settore Anziani'];

describe('approversOf', () => {
  const director = person(AREA, { manager: true });
  const head = person(SETTORE, { manager: true });
  const coHead = person(SETTORE, { manager: true });
  const admin = person(['Agenda Digitale'], { roles: ['admin'] });
  const colleague = person(SETTORE);
  const elsewhere = person(['Area Cultura'], { manager: true });
  const directory = [director, head, coHead, admin, colleague, elsewhere];

  it("is the managers of the person's own unit", () => {
    expect(approversOf(colleague, directory)).toEqual({
      as: 'manager',
      objectIds: [head.objectId, coHead.objectId].sort(),
    });
  });

  it("sends a unit's manager to the parent unit's manager, never to themselves or a co-manager", () => {
    expect(approversOf(head, directory)).toEqual({ as: 'manager', objectIds: [director.objectId] });
  });

  it('goes up to the nearest ancestor that has a manager', () => {
    const office = person([...SETTORE, 'Ufficio Domiciliare']);
    expect(approversOf(office, directory).objectIds).toEqual(
      [head.objectId, coHead.objectId].sort(),
    );
    const noHeads = directory.filter((p) => p !== head && p !== coHead);
    expect(approversOf(office, noHeads)).toEqual({ as: 'manager', objectIds: [director.objectId] });
  });

  it('leaves it to the programme team when nobody manages any unit above', () => {
    const director2 = person(['Area Cultura', 'Settore Musei']);
    expect(approversOf(director2, [elsewhere, admin, director2])).toEqual({
      as: 'manager',
      objectIds: [elsewhere.objectId],
    });
    const alone = person(['Area Sport']);
    expect(approversOf(alone, directory)).toEqual({ as: 'programme', objectIds: [admin.objectId] });
    expect(approversOf(admin, [admin])).toEqual({ as: 'programme', objectIds: [] });
  });

  it('ignores managers the bot cannot name (no object id)', () => {
    const { objectId: _, ...unnamed } = person(SETTORE, { manager: true, upn: 'x@comune.example' });
    void _;
    expect(approversOf(colleague, [unnamed as Person, director]).objectIds).toEqual([
      director.objectId,
    ]);
  });
});
