import { headcountsOf } from './headcounts';

describe('headcounts', () => {
  it('counts each unit’s whole subtree and its own members apart', () => {
    const counts = headcountsOf([
      { orgUnitPath: ['Area'] },
      { orgUnitPath: ['Area', 'Settore'] },
      { orgUnitPath: ['Area', 'Settore'] },
      { orgUnitPath: ['Altra'] },
    ]);
    expect([[], ['Area'], ['Area', 'Settore'], ['Nessuna']].map((p) => counts.subtree(p))).toEqual([
      4, 3, 2, 0,
    ]);
    expect(counts.direct(['Area'])).toBe(1);
  });
});
