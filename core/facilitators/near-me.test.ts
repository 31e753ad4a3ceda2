import type { Person } from '../directory/person';
import { nearFacilitators } from './near-me';

let n = 0;
function facilitator(path: string[], name: string): Person {
  n++;
  return {
    objectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: name,
    orgUnitPath: path,
    manager: false,
    roles: ['facilitator'],
    locale: 'it-IT',
  };
}

describe('nearFacilitators', () => {
  const anziani = ['Area Welfare', 'Settore Anziani'];
  const minori = ['Area Welfare', 'Settore Minori'];
  const zoe = facilitator(anziani, 'Zoe');
  const ada = facilitator([...anziani, 'Ufficio Domiciliare'], 'Ada');
  const bea = facilitator(minori, 'Bea');
  const far = facilitator(['Area Cultura'], 'Carlo');

  it("lists the caller's own unit and the units below it, by name", () => {
    const near = nearFacilitators({ objectId: 'me', orgUnitPath: anziani }, [zoe, bea, ada, far]);
    expect(near).toEqual({ scope: 'unit', unit: anziani, facilitators: [ada, zoe] });
  });

  it('falls back to the area the unit belongs to when the unit has none', () => {
    const near = nearFacilitators(
      { objectId: 'me', orgUnitPath: ['Area Welfare', 'Settore Casa'] },
      [zoe, bea, far],
    );
    expect(near).toEqual({ scope: 'area', unit: ['Area Welfare'], facilitators: [bea, zoe] });
  });

  it('never lists the caller, and says when nobody is near', () => {
    const near = nearFacilitators(zoe, [zoe, far]);
    expect(near).toEqual({ scope: 'none', unit: anziani, facilitators: [] });
  });
});
