import { PARTICIPANTS } from '../assessment/aggregates';
import { campaignOf } from '../assessment/assessment-campaigns.repository';
import { privacyPolicy } from '../privacy/suppression';
import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import type { Heatmap, HeatmapCell } from './dashboard-view';
import type { Dashboard } from './dashboard';

const AREA = 'Area Prova';
const OTHER = 'Area Altra';

describe('dashboard drill-down and the round it opens on', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let dashboard: Dashboard;

  /** A past round locked with k = 5, its people per unit written straight to the store. */
  const seed = async (id: string, year: number, units: [string[], number][]) => {
    const { questionnaire, assessmentCampaigns, aggregates } = services;
    const locked = new Date(`${year}-03-10T09:00:00Z`);
    await assessmentCampaigns.lock(campaignOf(questionnaire, id, privacyPolicy(5), locked));
    const dimensions = [PARTICIPANTS, ...questionnaire.dimensions.map((d) => d.id)];
    await aggregates.replaceCampaign(
      id,
      units.flatMap(([orgUnitPath, count]) =>
        dimensions.map((dimension) => ({
          campaignId: id,
          orgUnitPath,
          dimension,
          count,
          sumTenths: count * 600,
          sumSqHundredths: count * 3600 * 100,
          bands: { base: 0, intermediate: count, advanced: 0 },
        })),
      ),
    );
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    ({ dashboard } = services);
    await seed('round-2025', 2025, [
      [[AREA, 'Settore Uno', 'Ufficio A'], 7],
      [[AREA, 'Settore Uno', 'Ufficio B'], 2],
      [[AREA, 'Settore Due', 'Ufficio C'], 6],
      [[AREA, 'Settore Due', 'Ufficio D'], 8],
      [[AREA, 'Settore Tre'], 9],
      [[AREA], 6],
      [[OTHER, 'Settore Quattro'], 12],
    ]);
    await seed('round-2024', 2024, [[['Area Vecchia', 'Settore Cinque'], 10]]);
  });
  afterAll(() => drop());

  const screen = (scope: string[], unit?: string[], depth = 1) =>
    dashboard.heatmap({ campaign: 'round-2025', scope, unit, depth });

  /** Every cell of a screen, by unit (`…|own` for a unit's own members). */
  const cellsOf = (heatmap: Heatmap) =>
    [heatmap.participants, ...heatmap.dimensions].flatMap((d, i) =>
      d.units.map((u): [string, HeatmapCell] => [
        `${i}|${u.orgUnitPath.join('/')}|${u.direct ? 'own' : ''}`,
        u,
      ]),
    );

  it('opens a unit into its sub-units with the suppression of every other screen', async () => {
    const top = await screen([AREA]);
    expect(top.scope).toEqual([AREA]);
    expect(top.participants.units.map((u) => [u.orgUnitPath.at(-1), u.direct, u.opens])).toEqual([
      [AREA, true, false],
      ['Settore Due', false, true],
      ['Settore Tre', false, false],
      ['Settore Uno', false, true],
    ]);

    const uno = await screen([AREA], [AREA, 'Settore Uno']);
    expect(uno).toMatchObject({ scope: [AREA, 'Settore Uno'], root: [AREA] });
    const offices = uno.participants.units;
    expect(offices.map((u) => [u.orgUnitPath.at(-1), u.hidden, u.count])).toEqual([
      // 2 people are fewer than k; 7 would give them away by subtraction from Settore Uno.
      ['Ufficio A', true, null],
      ['Ufficio B', true, null],
    ]);

    // Whatever the screen (the admin's, the manager's, a unit opened, two levels at once), a
    // unit reads the same: hidden everywhere or the same figures everywhere.
    const screens = await Promise.all([
      screen([AREA], undefined, 2),
      screen([], [AREA]),
      screen([], [AREA, 'Settore Due']),
      screen([AREA], [AREA, 'Settore Due']),
      screen([], undefined, 3),
    ]);
    const seen = new Map<string, HeatmapCell>();
    for (const [key, cell] of [top, uno, ...screens].flatMap(cellsOf)) {
      const before = seen.get(key);
      if (before) expect({ key, ...cell }).toEqual({ key, ...before });
      else seen.set(key, cell);
    }
    expect([...seen.values()].some((cell) => cell.hidden)).toBe(true);
    expect([...seen.values()].some((cell) => !cell.hidden && cell.orgUnitPath.length === 3)).toBe(
      true,
    );
  });

  it('opens on the newest round with a visible unit in the caller’s scope', async () => {
    const { current } = await dashboard.campaigns();
    expect(current.lockedAt).toBeNull();
    expect((await dashboard.campaigns([AREA])).shown).toBe('round-2025');
    expect((await dashboard.campaigns([])).shown).toBe('round-2025');
    expect((await dashboard.campaigns(['Area Vecchia'])).shown).toBe('round-2024');
    expect((await dashboard.campaigns(['Area Senza Risposte'])).shown).toBeNull();
  });
});
