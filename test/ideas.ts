import { newIdeaId, type Idea } from '../core/ideas/idea';

/** An idea a test starts from (submitted, one author, no votes); `fields` replace any of it. */
export function anIdea(fields: Partial<Idea> = {}): Idea {
  const callId = fields.callId ?? 'c0c0c0c0';
  return {
    id: newIdeaId(callId),
    callId,
    title: 'Prenotazioni online',
    procedure: 'Anagrafe',
    office: 'Settore servizi demografici',
    problem: 'Code agli sportelli',
    proposal: 'Un calendario online',
    benefits: 'Meno attese',
    beneficiaries: ['citizens'],
    links: [],
    area: 'Area 1',
    theme: 'other',
    status: 'submitted',
    statusReason: null,
    labId: null,
    authors: [{ objectId: 'author', name: 'Anna' }],
    mergedAuthors: {},
    mergedInto: null,
    mergedFrom: [],
    votes: 0,
    comments: 0,
    openAmendments: 0,
    hidden: null,
    createdAt: new Date('2026-03-01T09:00:00Z'),
    ...fields,
  };
}
