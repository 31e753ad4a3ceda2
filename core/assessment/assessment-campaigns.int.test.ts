import { createServices, type Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { privacyPolicy } from '../privacy/suppression';
import type { TableStore } from '../store/table-store';
import { encodeKey } from '../store/keys';
import {
  ASSESSMENT_CAMPAIGNS_TABLE,
  AssessmentCampaignsRepository,
  campaignOf,
} from './assessment-campaigns.repository';
import type { Questionnaire } from './questionnaire';

describe('privacy thresholds locked per assessment campaign', () => {
  let store: TableStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
  });
  afterAll(() => drop());

  const servicesWithK = (k: number): Services =>
    createServices(store, { ...TEST_CONFIG, privacy: privacyPolicy(k) });

  it('keeps the first lock when several instances lock the same campaign at once', async () => {
    const registry = new AssessmentCampaignsRepository(store);
    const { questionnaire } = servicesWithK(5);
    const at = new Date('2026-03-10T09:00:00Z');
    const locks = await Promise.all(
      [3, 4, 5, 6, 7, 8].map((k) =>
        registry.lock(campaignOf(questionnaire, 'race', privacyPolicy(k), at)),
      ),
    );
    expect(new Set(locks.map((lock) => lock.policy.k)).size).toBe(1);
    expect(await registry.find('race')).toEqual(locks[0]);
    expect((await registry.list()).map((c) => c.id)).toEqual(['race']);
  });

  it('locks the current campaign at its first submission; a later setting reveals nothing more', async () => {
    const strict = servicesWithK(5);
    const before = await strict.dashboard.campaigns();
    expect(before.current).toMatchObject({ lockedAt: null, k: 5, freeTextK: 10 });
    expect(before.campaigns.map((c) => c.id)).not.toContain(strict.assessment.campaignId);

    const unit = (name: string) => ['Area Prova', name];
    for (let i = 0; i < 9; i++) {
      const objectId = `6e0f1a2b-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await submitAssessment(strict, { objectId, orgUnitPath: unit(i < 4 ? 'Uno' : 'Due') }, 4);
    }
    const locked = await strict.assessmentCampaigns.find(strict.assessment.campaignId);
    expect(locked).toMatchObject({ policy: { k: 5, freeTextK: 10 }, version: 1 });

    // The setting goes down to 3 afterwards: 4 people would now be enough, but not here.
    const lax = servicesWithK(3);
    expect((await lax.assessment.lockCampaign()).policy.k).toBe(5);
    await lax.publisher.publishAll();
    const screen = await lax.dashboard.heatmap({ scope: ['Area Prova'], depth: 1 });
    expect(screen.campaign).toMatchObject({ k: 5, lockedAt: locked!.lockedAt.toISOString() });
    // The 4 of "Uno" wait for a fifth: they are not published, under the locked k.
    expect(screen.dimensions[0]!.units.map((u) => [u.orgUnitPath[1], u.hidden])).toEqual([
      ['Due', false],
    ]);
    expect(screen.participants.total).toBe(5);
    expect(await lax.aggregates.pending(lax.assessment.campaignId)).toHaveLength(4);
  });

  it('records the band thresholds the campaign is scored with, and the dashboard names them', async () => {
    const services = servicesWithK(5);
    const { questionnaire } = services;
    const [base, intermediate, advanced] = questionnaire.bands;
    const lower: Questionnaire = {
      ...questionnaire,
      bands: [base, { ...intermediate, min: 40 }, { ...advanced, min: 60 }],
    };
    const at = new Date('2025-03-10T09:00:00Z');
    await services.assessmentCampaigns.lock(campaignOf(lower, 'lower-bands', privacyPolicy(5), at));

    const { campaigns, current } = await services.dashboard.campaigns();
    expect(campaigns.find((c) => c.id === 'lower-bands')!.bands).toEqual([
      { id: 'base', min: 0 },
      { id: 'intermediate', min: 40 },
      { id: 'advanced', min: 60 },
    ]);
    expect(current.bands).toEqual(questionnaire.bands.map(({ id, min }) => ({ id, min })));
  });

  it('reads a campaign locked before its thresholds were recorded with those it was scored in', async () => {
    await store.client(ASSESSMENT_CAMPAIGNS_TABLE).createEntity({
      partitionKey: 'assessment',
      rowKey: encodeKey('before-bands'),
      questionnaireId: 'digital-mindset',
      version: 1,
      title: JSON.stringify({ 'it-IT': 'Prima', 'en-US': 'Before' }),
      dimensions: JSON.stringify([]),
      k: 5,
      freeTextK: 10,
      lockedAt: new Date('2024-03-10T09:00:00Z'),
    });

    const found = await new AssessmentCampaignsRepository(store).find('before-bands');
    expect(found?.bands).toEqual([
      { id: 'base', min: 0 },
      { id: 'intermediate', min: 50 },
      { id: 'advanced', min: 75 },
    ]);
  });
});
