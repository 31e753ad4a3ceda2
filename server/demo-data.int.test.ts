import { silentLogger } from '../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../test/store';
import { createServices, type Services } from './app';
import { seedDemoData } from './demo-data';

describe('the local demo data', () => {
  let services: Services;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    await seedDemoData(services, silentLogger);
  });
  afterAll(() => drop());

  it('has two earlier campaigns that the dashboard can compare', async () => {
    const { dashboard } = services;
    const { current, campaigns } = await dashboard.campaigns();
    expect(current).toMatchObject({ id: 'digital-mindset-v1', lockedAt: null });
    const [newer, older] = campaigns;
    expect(campaigns).toHaveLength(2);
    expect(Date.parse(newer!.lockedAt!)).toBeGreaterThan(Date.parse(older!.lockedAt!));

    const screen = await dashboard.heatmap({
      campaign: newer!.id,
      compare: older!.id,
      scope: [],
      depth: 1,
    });
    const compared = screen.dimensions.flatMap((d) => d.units.map((u) => u.comparison));
    expect(compared.filter((c) => typeof c?.delta === 'number').length).toBeGreaterThan(10);
    expect(screen.dimensions.at(-1)!.units.every((u) => u.comparison?.delta === null)).toBe(true);
  });

  it('has a call for ideas open, so that ideas can be proposed at once', async () => {
    expect(await services.ideas.openCall()).toMatchObject({ title: 'Call4Ideas 2026' });
  });

  it('has consenting candidates enough for a shortlist across departments', async () => {
    const round = await services.facilitatorRounds.create('demo-admin', {
      thresholds: { digitalSkills: 70, motivation: 70 },
    });
    await services.roundPreparation.settled(round.id);
    const { candidates, coverage } = await services.facilitatorRounds.view(round.id);
    const reasons = new Set(candidates.map((c) => c.reason));
    expect(reasons).toEqual(new Set(['aboveThresholds', 'coverage']));
    expect(new Set(candidates.map((c) => c.department)).size).toBeGreaterThanOrEqual(10);
    expect(coverage.filter((c) => c.candidates >= c.target).length).toBeGreaterThan(8);
  });
});
