import type { IdeaCall, IdeaCallList, IdeaDetail, IdeaPerson, Me } from '../src/api/types';

export const WELFARE = 'Area Welfare e Promozione del Benessere di Comunità';
export const SCHOOLS = 'Area Educazione, Istruzione e Nuove Generazioni';

export const openCall: IdeaCall = {
  id: 'call1',
  title: 'Call4Ideas 2026',
  question: 'Quali procedimenti hanno più bisogno di diventare digitali?',
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2099-01-01T00:00:00.000Z',
  open: true,
  ideas: 2,
};

export const calls = (call: IdeaCall = openCall): IdeaCallList => ({
  calls: [call],
  current: call.open ? call.id : null,
  areas: [WELFARE, SCHOOLS],
  themes: ['onlineServices', 'paperless', 'other'],
});

export const person = (me: Pick<Me, 'objectId' | 'displayName'>): IdeaPerson => ({
  objectId: me.objectId,
  displayName: me.displayName ?? '',
  former: false,
});

export const formerEmployee: IdeaPerson = { objectId: null, displayName: '', former: true };

/** An idea of the open call by `author`, as another person (not an author) sees it. */
export function idea(id: string, overrides: Partial<IdeaDetail> = {}): IdeaDetail {
  return {
    id,
    callId: openCall.id,
    title: `Idea ${id}`,
    procedure: 'Iscrizione ai nidi',
    office: "Settore Servizi per l'Infanzia",
    area: SCHOOLS,
    theme: 'onlineServices',
    status: 'submitted',
    votes: 0,
    comments: 0,
    openAmendments: 0,
    authors: [{ objectId: 'someone', displayName: 'Anna Rossi', former: false }],
    createdAt: '2026-02-01T10:00:00.000Z',
    mergedInto: null,
    hidden: false,
    labId: null,
    problem: 'Le domande arrivano su carta e vanno ricopiate a mano.',
    proposal: 'Un modulo online collegato al gestionale dei nidi.',
    benefits: 'Le famiglie non fanno code; gli uffici non ricopiano.',
    beneficiaries: ['citizens', 'colleagues'],
    links: [],
    statusReason: null,
    hiddenReason: null,
    mergedFrom: [],
    voted: false,
    callOpen: true,
    amendments: [],
    history: [
      {
        at: '2026-02-01T10:00:00.000Z',
        kind: 'submitted',
        actor: { objectId: 'someone', displayName: 'Anna Rossi', former: false },
        status: 'submitted',
        reason: null,
        field: null,
        before: null,
        after: null,
        other: null,
        labId: null,
      },
    ],
    may: { vote: true, amend: true, decideAmendments: false, administer: false },
    ...overrides,
  };
}
