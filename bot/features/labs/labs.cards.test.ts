import { translator } from '../../../core/i18n/translator';
import type { Lab } from '../../../core/labs/lab';
import type { LabUpdate } from '../../../core/labs/update';
import { cardProblems } from '../../cards/card-validation';
import {
  decisionCard,
  invitationCard,
  linkCard,
  summaryCard,
  updateCard,
  updateFormCard,
} from './labs.cards';

const t = translator('it-IT');
const lab: Lab = {
  id: 'abc123',
  themeId: 'online-payments',
  title: '[Pagamenti](https://evil.example) **allo sportello**',
  goal: 'POS <b>ovunque</b>',
  status: 'active',
  private: false,
  createdAt: new Date('2026-12-01T09:00:00Z'),
  members: [],
  invitations: [],
  requests: [],
};
const update: LabUpdate = {
  labId: lab.id,
  id: 'u1',
  title: 'Primo mese',
  text: '# Non un titolo\n[link](https://evil.example)',
  progress: 40,
  nextSteps: 'Formazione',
  mentions: ['7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c63'],
  author: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c62',
  at: new Date('2026-12-04T09:00:00Z'),
  post: { state: 'pending' },
};

describe('labs cards', () => {
  it('are valid Adaptive Cards', () => {
    const { card } = updateCard(t, {
      lab,
      update,
      author: { objectId: update.author, name: 'Sara Conti' },
      mentions: [{ objectId: update.mentions[0]!, name: 'Davide Marchetti' }],
    });
    const figures = { done: [], dueNextWeek: [], overdue: [] };
    for (const built of [
      card,
      summaryCard(t, 'it-IT', lab, figures),
      invitationCard(t, { lab, theme: 'Pagamenti', leads: ['Sara Conti'] }),
      decisionCard(t, lab.title, true),
      linkCard(t, [lab]),
      updateFormCard(t, [lab, { ...lab, id: 'def456' }]),
    ]) {
      expect(cardProblems(built)).toEqual([]);
    }
  });

  it("show people's words as literal text runs, never as Markdown", () => {
    const { card, entities } = updateCard(t, {
      lab,
      update,
      author: { objectId: update.author, name: 'Sara Conti' },
      mentions: [{ objectId: update.mentions[0]!, name: 'Davide Marchetti' }],
    });
    const json = JSON.stringify(card);
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: update.text }));
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: lab.title }));
    expect(json).not.toMatch(/"type":"TextBlock","text":"[^"]*evil/);
    expect(entities).toEqual([
      expect.objectContaining({ mentioned: { id: update.mentions[0], name: 'Davide Marchetti' } }),
    ]);
  });
});
