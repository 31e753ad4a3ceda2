import { generateDemoDirectory } from '../../core/directory/demo-directory';
import type { Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { demoServices } from '../../test/store';
import { ERASED_SUBJECT } from '../audit/audit-log';
import { CONSENT_ITEM, INTEREST_ITEM } from './facilitators';

describe('facilitator candidates kept on submission', () => {
  let services: Services;
  let drop: () => Promise<void>;
  const people = generateDemoDirectory().filter((p) => p.objectId && !p.manager);
  const [yes, no, interestedNot, withdrawn, repeated] = people;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
  });
  afterAll(() => drop());

  const ref = () => ({
    campaignId: services.assessment.campaignId,
    version: services.questionnaire.version,
  });

  it('keeps a consenting person with their department, the two scores and their interest', async () => {
    await submitAssessment(services, yes!, 5);
    expect(await services.candidates.find(yes!.objectId!)).toEqual({
      objectId: yes!.objectId,
      department: yes!.orgUnitPath[0],
      digitalSkills: 80,
      motivation: 80,
      interested: true,
      submittedAt: expect.any(Date),
    });
    await submitAssessment(services, interestedNot!, 4, { [INTEREST_ITEM]: false });
    expect(await services.candidates.find(interestedNot!.objectId!)).toMatchObject({
      digitalSkills: 65,
      interested: false,
    });
  });

  it('never keeps a person who said no', async () => {
    await submitAssessment(services, no!, 5, { [CONSENT_ITEM]: false });
    expect(await services.candidates.row(no!.objectId!)).toBeUndefined();
    expect((await services.candidates.all()).map((c) => c.objectId)).not.toContain(no!.objectId);
  });

  it('writes the candidate again on a repeated press, when the first stopped after the response', async () => {
    await submitAssessment(services, repeated!, 5);
    await services.candidates.erase(repeated!.objectId!);
    expect(await services.assessment.submit(repeated!.objectId!, ref())).toEqual({
      kind: 'alreadySubmitted',
    });
    expect(await services.candidates.find(repeated!.objectId!)).toBeDefined();
  });

  it('does not bring back a person who withdrew when an older card is pressed again', async () => {
    await submitAssessment(services, withdrawn!, 5);
    await services.candidates.withdraw(withdrawn!.objectId!, new Date());
    await services.assessment.submit(withdrawn!.objectId!, ref());
    expect(await services.candidates.find(withdrawn!.objectId!)).toBeUndefined();
    expect(await services.candidates.row(withdrawn!.objectId!)).toMatchObject({
      kind: 'withdrawn',
    });
  });

  it('exports and erases the candidate, their shortlist entries and whom the audit names', async () => {
    const admin = 'aaaaaaaa-0000-4000-8000-000000000001';
    const round = await services.facilitatorRounds.create(admin, {
      thresholds: { digitalSkills: 70, motivation: 70 },
    });
    await services.roundPreparation.settled(round.id);
    const change = {
      action: 'remove' as const,
      objectId: yes!.objectId!,
      reason: 'Ha già altri incarichi',
    };
    await services.facilitatorRounds.changeShortlist(admin, round.id, change);
    // The person's own words about themselves, as a declined invitation's reason.
    await services.audit.record({
      at: new Date(),
      actor: yes!.objectId!,
      action: 'facilitators.decline',
      reason: round.id,
      counts: {},
      subject: yes!.objectId!,
      note: 'Non ho tempo quest’anno',
    });
    const exported = await services.privacy.export(yes!.objectId!);
    expect(exported).toMatchObject({
      facilitatorCandidate: { digitalSkills: 80, motivation: 80, interested: true },
      facilitatorShortlists: [{ roundId: round.id, status: 'removed' }],
      auditAbout: [
        { action: 'facilitators.decline', note: 'Non ho tempo quest’anno' },
        { action: 'facilitators.shortlist.remove', note: 'Ha già altri incarichi' },
      ],
    });
    await services.privacy.erase(yes!.objectId!);
    expect(await services.candidates.row(yes!.objectId!)).toBeUndefined();
    expect(await services.rounds.entriesOf(yes!.objectId!)).toEqual([]);
    expect(await services.audit.bySubject(yes!.objectId!)).toEqual([]);
    const erased = (await services.audit.bySubject(ERASED_SUBJECT)).map((row) => row.value);
    expect(erased).toEqual([
      expect.not.objectContaining({ note: expect.anything() }),
      expect.objectContaining({ actor: admin, reason: round.id, note: 'Ha già altri incarichi' }),
    ]);
    expect(erased[0]).toMatchObject({ action: 'facilitators.decline' });
  });
});
