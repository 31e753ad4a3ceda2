import { generateDemoDirectory } from '../core/directory/demo-directory';
import type { Person } from '../core/directory/person';
import { ALL_TABLES } from './registry';
import { submitAssessment } from '../test/assessment';
import { chatWith, deliveredTo, endedCampaign } from '../test/personal-data';
import { demoServices } from '../test/store';
import type { Services } from './app';

/** Every row of every table, as text, keyed by table (keys and properties both). */
async function everyRow(services: Services): Promise<{ table: string; text: string }[]> {
  const rows: { table: string; text: string }[] = [];
  for (const table of ALL_TABLES) {
    for await (const entity of services.store.client(table).listEntities()) {
      rows.push({ table, text: JSON.stringify(entity) });
    }
  }
  return rows;
}

describe('personal data: export and erasure over every holder', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let unit: Person[];
  let person: Person;
  let other: Person;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    const people = generateDemoDirectory().filter((p) => p.objectId);
    const first = people[0]!.orgUnitPath.join('>');
    unit = people.filter((p) => p.orgUnitPath.join('>') === first).slice(0, 6);
    expect(unit).toHaveLength(6);
    [person, other] = [unit[0]!, unit[5]!];
    const at = new Date('2026-03-02T09:00:00Z');
    // Five people are counted in their unit; the sixth waits in the queue (fewer than k new).
    for (const p of unit.slice(0, 5)) await submitAssessment(services, p, 4);
    await services.publisher.publishAll();
    await submitAssessment(services, other, 2);
    for (const p of [person, other]) {
      await chatWith(services, p.objectId!, at);
      await deliveredTo(services, 'c20260301t090000aaaaaa', p.objectId!, 'sent', at);
    }
    await endedCampaign(services, 'c20260301t090000aaaaaa', person.objectId!, at);
    await services.audit.record({
      at,
      actor: person.objectId!,
      action: 'campaign.start',
      reason: 'c20260301t090000aaaaaa',
      counts: { recipients: 2 },
    });
  });
  afterAll(() => drop());

  const idsOf = (p: Person) => [p.objectId!, services.pseudonyms.pseudonymOf(p.objectId!)];

  it("exports every holder's part for the person, and nothing of anyone else", async () => {
    const exported = await services.privacy.export(person.objectId!);
    expect(exported).toMatchObject({
      directory: { displayName: person.displayName },
      assessments: [{ status: 'submitted' }],
      assessmentQueue: [],
      completed: [{ subject: services.assessment.campaignId }],
      chat: { scope: 'personal' },
      messages: [{ campaignId: 'c20260301t090000aaaaaa', status: 'sent' }],
      campaignsStarted: [{ id: 'c20260301t090000aaaaaa' }],
      audit: [{ action: 'campaign.start', counts: { recipients: 2 } }],
      linked: true,
    });
    const text = JSON.stringify(exported);
    for (const id of idsOf(other)) expect(text).not.toContain(id);
  });

  it('exports a submission still waiting to be counted', async () => {
    const exported = await services.privacy.export(other.objectId!);
    expect(exported.assessmentQueue).toEqual([
      expect.objectContaining({ change: 'add', campaignId: services.assessment.campaignId }),
    ]);
    expect(exported.campaignsStarted).toEqual([]);
    expect(JSON.stringify(exported)).not.toContain(person.objectId!);
  });

  it('erases the person from every table except what the holders declare they leave', async () => {
    await services.privacy.erase(person.objectId!);
    const left = (await everyRow(services)).filter(({ text }) =>
      idsOf(person).some((id) => text.includes(id)),
    );
    // The directory entry (HR's), the queued take-back of a counted result (until published),
    // the campaign the person started and the audit entry of it.
    expect(left.map((row) => row.table).sort()).toEqual([
      'aggregates',
      'auditlog',
      'campaigns',
      'people',
    ]);
    const queued = left.find((row) => row.table === 'aggregates')!.text;
    expect(queued).toContain('"change":"remove"');
    expect(queued).not.toContain(person.objectId!);

    const exported = await services.privacy.export(person.objectId!);
    expect(exported).toMatchObject({ assessments: [], completed: [], chat: null, messages: [] });
    expect(exported.linked).toBe(false);
  });

  it("leaves the other person's data whole", async () => {
    const exported = await services.privacy.export(other.objectId!);
    expect(exported).toMatchObject({
      assessments: [{ status: 'submitted' }],
      completed: [{}],
      chat: { scope: 'personal' },
      messages: [{ status: 'sent' }],
      linked: true,
    });
  });

  it('takes the erased result back at the next publication, and then nothing of it is left', async () => {
    for (const p of unit.slice(1, 5)) await services.privacy.erase(p.objectId!);
    await services.publisher.publishAll();
    const left = (await everyRow(services)).filter(({ text }) =>
      idsOf(person).some((id) => text.includes(id)),
    );
    expect(left.map((row) => row.table).sort()).toEqual(['auditlog', 'campaigns', 'people']);
  });
});
