import { PARTICIPANTS } from '../assessment/aggregates';
import { campaignOf } from '../assessment/assessment-campaigns.repository';
import { PersonSchema, type Person } from '../directory/person';
import { privacyPolicy } from '../privacy/suppression';
import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import type { HeatmapCell } from './dashboard-view';
import type { Dashboard } from './dashboard';

const AREA = 'Area Prova';
const OTHER = 'Area Altra';
const UNO = [AREA, 'Settore Uno'];
const DUE = [AREA, 'Settore Due'];

/** `n` invented people of a unit. */
const staff = (path: string[], n: number): Person[] =>
  Array.from({ length: n }, (_, i) =>
    PersonSchema.parse({
      upn: `${path.join('.').replace(/\W/g, '').toLowerCase()}${i}@example.test`,
      displayName: `Persona ${i}`,
      orgUnitPath: path,
      manager: false,
      roles: [],
      locale: 'it-IT',
    }),
  );

describe('dashboard participation, the rows a unit is compared with, and the trend', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let dashboard: Dashboard;

  /** A round locked with k = 5 asking `asked` of the questionnaire's dimensions (default all). */
  const seed = async (
    id: string,
    year: number,
    units: [string[], number, number][],
    asked?: number,
  ) => {
    const { questionnaire, assessmentCampaigns, aggregates } = services;
    const round = { ...questionnaire, dimensions: questionnaire.dimensions.slice(0, asked) };
    const locked = new Date(`${year}-03-10T09:00:00Z`);
    await assessmentCampaigns.lock(campaignOf(round, id, privacyPolicy(5), locked));
    const dimensions = [PARTICIPANTS, ...round.dimensions.map((d) => d.id)];
    await aggregates.replaceCampaign(
      id,
      units.flatMap(([orgUnitPath, count, mean]) =>
        dimensions.map((dimension) => ({
          campaignId: id,
          orgUnitPath,
          dimension,
          count,
          sumTenths: count * mean * 10,
          sumSqHundredths: count * mean * mean * 100,
          bands: { base: 0, intermediate: count - 1, advanced: 1 },
        })),
      ),
    );
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    ({ dashboard } = services);
    await services.directory.importPeople([
      ...staff(UNO, 27),
      ...staff(DUE, 9),
      ...staff([OTHER], 10),
    ]);
    await seed(
      'round-2023',
      2023,
      [
        [UNO, 20, 50],
        [DUE, 5, 40],
        [[OTHER], 8, 30],
      ],
      2,
    );
    await seed('round-2024', 2024, [
      [UNO, 20, 55],
      [DUE, 3, 60],
      [[OTHER], 8, 30],
    ]);
    await seed('round-2025', 2025, [
      [UNO, 22, 62.5],
      [DUE, 6, 60],
      [[OTHER], 12, 30],
    ]);
  });
  afterAll(() => drop());

  const byUnit = (cells: HeatmapCell[]) =>
    Object.fromEntries(cells.map((cell) => [cell.orgUnitPath.join(' > ') || '*', cell]));

  it('gives each visible unit its share of the directory’s people, and a hidden one none', async () => {
    const all = await dashboard.heatmap({ campaign: 'round-2024', scope: [], depth: 1 });
    expect(byUnit(all.participants.units)[OTHER]!.participation).toEqual({
      headcount: 10,
      rate: 8 / 10,
    });
    // 3 answers are fewer than k (and Settore Uno would give them away): neither the count, nor
    // a rate, nor the headcount beside it.
    const area = await dashboard.heatmap({ campaign: 'round-2024', scope: [AREA], depth: 1 });
    for (const cell of area.participants.units) {
      expect(cell).toMatchObject({ hidden: true, count: null, participation: null });
    }
    // 12 answered where the directory now lists 10 (people moved since): no rate above 100 %.
    const now = await dashboard.heatmap({ campaign: 'round-2025', scope: [], depth: 1 });
    expect(byUnit(now.participants.units)[OTHER]!.participation).toBeNull();
  });

  it('shows the whole organisation, then the opened unit, above its sub-units', async () => {
    const screen = await dashboard.heatmap({
      campaign: 'round-2025',
      scope: [],
      unit: [AREA],
      depth: 1,
    });
    expect(
      screen.participants.totals.map((c) => [c.orgUnitPath, c.count, c.participation]),
    ).toEqual([
      [[], 40, { headcount: 46, rate: 40 / 46 }],
      [[AREA], 28, { headcount: 36, rate: 28 / 36 }],
    ]);
    const [first] = screen.dimensions;
    const [organisation, area] = first!.totals.map((c) => c.mean!);
    expect(organisation).toBeCloseTo((22 * 62.5 + 6 * 60 + 12 * 30) / 40, 9);
    expect(area).toBeCloseTo((22 * 62.5 + 6 * 60) / 28, 9);
    // A manager sees their own subtree only (DESIGN.md §5): their unit's row, not the organisation's.
    const manager = await dashboard.heatmap({ campaign: 'round-2025', scope: [AREA], depth: 1 });
    expect(manager.dimensions[0]!.totals.map((c) => c.orgUnitPath)).toEqual([[AREA]]);
  });

  it('says a dimension was not asked in the compared round, rather than that it has no data', async () => {
    const screen = await dashboard.heatmap({
      campaign: 'round-2025',
      compare: 'round-2023',
      scope: [],
      depth: 1,
    });
    const reasons = screen.dimensions.map((d) => byUnit(d.units)[AREA]!.comparison?.reason);
    expect(reasons.slice(0, 2)).toEqual([null, null]);
    expect(new Set(reasons.slice(2))).toEqual(new Set(['notAsked']));
    expect(screen.dimensions[0]!.totals[0]!.comparison).toMatchObject({ reason: null });
  });

  it('follows a unit over every round, each compared with the round before', async () => {
    const trend = await dashboard.trend({ scope: [AREA], unit: DUE });
    expect(trend.rounds.map((r) => r.campaign.id)).toEqual([
      'round-2023',
      'round-2024',
      'round-2025',
    ]);
    expect(trend.rounds.map((r) => [r.participants.hidden, r.participants.count])).toEqual([
      [false, 5],
      [true, null],
      [false, 6],
    ]);
    const firstDimension = trend.rounds.map((r) => r.dimensions[0]);
    expect(firstDimension.map((c) => c?.mean ?? null)).toEqual([40, null, 60]);
    expect(firstDimension.map((c) => c?.comparison?.reason)).toEqual([
      undefined,
      'hidden',
      'hiddenThere',
    ]);
    // The third dimension was not asked in 2023: no cell there, and "not asked" beside 2024.
    expect(trend.rounds.map((r) => r.dimensions[2] === null)).toEqual([true, false, false]);
    expect(trend.rounds[2]!.participants.participation).toEqual({ headcount: 9, rate: 6 / 9 });
  });
});
