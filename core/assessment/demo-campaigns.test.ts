import questionnaireFile from '../../content/questionnaires/digital-mindset.v1.json';
import { generateDemoDirectory } from '../directory/demo-directory';
import { compareMeans } from '../privacy/comparison';
import { privacyPolicy, suppress, viewOf } from '../privacy/suppression';
import { PARTICIPANTS } from './aggregates';
import { campaignOf } from './assessment-campaigns.repository';
import { demoCampaigns, type DemoCampaign } from './demo-campaigns';
import { loadQuestionnaire } from './questionnaire';

const questionnaire = loadQuestionnaire(questionnaireFile);
const people = generateDemoDirectory();
const current = campaignOf(
  questionnaire,
  'digital-mindset-v1',
  privacyPolicy(),
  new Date('2026-03-10T09:00:00Z'),
);

describe('demo campaigns', () => {
  const [older, newer] = demoCampaigns(current, questionnaire, people) as [
    DemoCampaign,
    DemoCampaign,
  ];

  it('are two earlier campaigns of the current questionnaire, a year apart', () => {
    expect([older.campaign.id, newer.campaign.id]).toEqual([
      'digital-mindset-v1-demo-1',
      'digital-mindset-v1-demo-2',
    ]);
    expect(older.campaign.lockedAt.toISOString()).toBe('2024-03-10T09:00:00.000Z');
    expect(newer.campaign.lockedAt.toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(newer.campaign).toMatchObject({ title: current.title, policy: current.policy });
  });

  it('count part of the demo directory, and the oldest lacks the last dimension', () => {
    for (const { campaign, rows } of [older, newer]) {
      const participants = rows
        .filter((row) => row.dimension === PARTICIPANTS)
        .reduce((sum, row) => sum + row.count, 0);
      expect(participants).toBeGreaterThan(people.length / 2);
      expect(participants).toBeLessThan(people.length);
      const dimensions = new Set(rows.map((row) => row.dimension));
      expect([...dimensions].sort()).toEqual(
        [PARTICIPANTS, ...campaign.dimensions.map((d) => d.id)].sort(),
      );
      expect(rows.every((row) => row.campaignId === campaign.id)).toBe(true);
    }
    expect(older.campaign.dimensions).toEqual(current.dimensions.slice(0, -1));
    expect(newer.campaign.dimensions).toEqual(current.dimensions);
  });

  it('give the dashboard differences to show and small groups to hide', () => {
    const dimension = current.dimensions[0]!.id;
    const view = (rows: DemoCampaign['rows']) =>
      viewOf(
        suppress(
          rows.filter((row) => row.dimension === dimension),
          current.policy,
        ),
        [],
        { depth: 2 },
      );
    const compared = compareMeans(view(newer.rows), view(older.rows));
    const deltas = compared.flatMap((c) => (c.delta === null ? [] : [c.delta]));
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.some((delta) => delta !== 0)).toBe(true);
    expect(compared.some((c) => c.reason === 'hidden')).toBe(true);
  });

  it('are the same on every run', () => {
    expect(demoCampaigns(current, questionnaire, people)).toEqual([older, newer]);
  });
});
