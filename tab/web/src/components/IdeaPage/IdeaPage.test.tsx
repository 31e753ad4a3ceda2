import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { formerEmployee, idea, person } from '../../../test/idea-fixtures';
import type { IdeaDetail } from '../../api/types';
import { IdeaPage } from './IdeaPage';

const renderPage = (shown: IdeaDetail, state: Partial<Parameters<typeof fakeServer>[0]> = {}) => {
  const fake = fakeServer({ me: giulia, ideas: [shown], ...state });
  const opened: string[] = [];
  renderWithTeams(
    <IdeaPage
      id={shown.id}
      backLabel="Torna all'elenco delle idee"
      onOpen={(id) => opened.push(id)}
      onBack={() => undefined}
    />,
    fakeTeams(fake.apiFetch),
  );
  return { ...fake, opened };
};

const anAmendment = () => ({
  id: 'a1',
  author: person(giulia),
  field: 'proposal' as const,
  text: 'Un modulo online con SPID e pagamento della retta.',
  before: 'Un modulo online collegato al gestionale dei nidi.',
  status: 'open' as const,
  reason: null,
  createdAt: '2026-02-02T10:00:00.000Z',
  decidedAt: null,
});
const amendment = anAmendment();
const asAuthor = { may: { vote: true, amend: false, decideAmendments: true, administer: false } };

describe('an idea page', () => {
  it('shows its text and its authors, an erased one as a former employee', async () => {
    renderPage(
      idea('i1', {
        authors: [{ objectId: 'x', displayName: 'Anna Rossi', former: false }, formerEmployee],
      }),
    );
    const heading = await screen.findByRole('heading', { name: 'Idea i1', level: 2 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/^Proposta da Anna Rossi e ex dipendente il /)).toBeInTheDocument();
    expect(screen.getByText(idea('i1').problem)).toBeVisible();
    expect(screen.getByText('Cittadine e cittadini, Colleghe e colleghi')).toBeInTheDocument();
  });

  it('counts a vote at once, then shows the count the server answers, and withdraws it', async () => {
    const { server } = renderPage(idea('i1', { votes: 3 }), { othersVoting: 2 });
    const vote = await screen.findByRole('button', { name: 'Sostengo questa idea' });
    expect(vote).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Voti: 3')).toBeInTheDocument();

    await userEvent.click(vote);
    expect(vote).toHaveAttribute('aria-pressed', 'true');
    // Others voted meanwhile: the server's count wins over the optimistic 4.
    expect(await screen.findByText('Voti: 6')).toBeInTheDocument();
    expect(screen.getByText(/Il tuo voto lo vedi solo tu\.$/)).toBeInTheDocument();

    server.othersVoting = 0;
    await userEvent.click(vote);
    expect(await screen.findByText('Voti: 5')).toBeInTheDocument();
    expect(vote).toHaveAttribute('aria-pressed', 'false');
    expect(server.calls.filter((c) => c.endsWith('/vote'))).toEqual([
      'PUT /api/v1/ideas/i1/vote',
      'DELETE /api/v1/ideas/i1/vote',
    ]);
  });

  it('puts the vote back as it was when the server refuses it', async () => {
    const closing = idea('i1', { votes: 3 });
    const { server } = renderPage(closing);
    const vote = await screen.findByRole('button', { name: 'Sostengo questa idea' });
    server.ideas[0]!.callOpen = false; // the call closed while the page was open
    await userEvent.click(vote);
    expect(await screen.findByText('Le votazioni sono chiuse.')).toBeInTheDocument();
    expect(vote).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Voti: 3')).toBeInTheDocument();
  });

  it('closes voting with the call, and on a merged idea links to where it went', async () => {
    const merged = idea('i1', {
      callOpen: false,
      mergedInto: 'i2',
      may: { vote: false, amend: false, decideAmendments: false, administer: false },
      history: [
        {
          ...idea('i1').history[0]!,
          kind: 'merged',
          other: { id: 'i2', title: 'Nidi online' },
        },
      ],
    });
    const { opened } = renderPage(merged);
    expect(await screen.findByRole('button', { name: 'Sostengo questa idea' })).toBeDisabled();
    expect(screen.getByText("Questa idea è unita a un'altra: puoi votare quella.")).toBeVisible();
    const into = screen.getByText(/^Questa idea è stata unita a un'altra simile/);
    await userEvent.click(within(into).getByRole('button', { name: 'Nidi online' }));
    expect(opened).toEqual(['i2']);
  });

  it('takes a comment and a reply to it', async () => {
    const { server } = renderPage(idea('i1'));
    await screen.findByText('Nessun commento, per ora.');
    await userEvent.type(screen.getByRole('textbox', { name: /^Il tuo commento/ }), 'Ottima idea');
    await userEvent.click(screen.getByRole('button', { name: 'Pubblica il commento' }));
    const comments = await screen.findByRole('region', { name: 'Commenti' });
    expect(await within(comments).findByText('Ottima idea')).toBeInTheDocument();

    await userEvent.click(
      within(comments).getByRole('button', { name: 'Rispondi a Giulia Ferri' }),
    );
    await userEvent.type(
      within(comments).getByRole('textbox', { name: /^Rispondi a Giulia Ferri/ }),
      'Grazie',
    );
    await userEvent.click(within(comments).getByRole('button', { name: 'Rispondi' }));
    const replies = await within(comments).findByRole('list', { name: 'Risposte' });
    expect(replies).toHaveTextContent('Grazie');
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/ideas/i1/comments',
      body: { text: 'Grazie', parent: 'c1' },
    });
  });

  it('sends an amendment of the solution, and lists it as to review', async () => {
    const { server } = renderPage(idea('i1'));
    const text = await screen.findByRole('textbox', {
      name: /^Nuovo testo di «La soluzione digitale proposta»/,
    });
    expect(screen.getByRole('button', { name: 'Invia la proposta di modifica' })).toBeDisabled();
    await userEvent.clear(text);
    await userEvent.type(text, 'Un modulo online con SPID.');
    await userEvent.click(screen.getByRole('button', { name: 'Invia la proposta di modifica' }));
    expect(await screen.findByText(/^Proposta inviata/)).toBeInTheDocument();
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/ideas/i1/amendments',
      body: { proposal: 'Un modulo online con SPID.' },
    });
    expect(await screen.findByText('Da valutare')).toBeInTheDocument();
  });

  it('lets an author accept an amendment: the text changes and the history keeps both', async () => {
    renderPage(idea('i1', { ...asAuthor, amendments: [anAmendment()], openAmendments: 1 }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Accogli la modifica di Giulia Ferri' }),
    );
    const history = await screen.findByRole('region', { name: "Storia dell'idea" });
    expect(
      await within(history).findByText('Giulia Ferri ha accolto una proposta di modifica'),
    ).toBeVisible();
    expect(history).toHaveTextContent(amendment.before);
    expect(screen.getAllByText(amendment.text).length).toBeGreaterThan(1);
    expect(screen.queryByRole('button', { name: /^Accogli/ })).not.toBeInTheDocument();
  });

  it('rejects an amendment only with a reason', async () => {
    const { server } = renderPage(
      idea('i1', { ...asAuthor, amendments: [anAmendment()], openAmendments: 1 }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Respingi la modifica di Giulia Ferri' }),
    );
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Respingi', ...inDialog }));
    expect(
      await within(dialog).findByText('Scrivi un motivo da 3 a 1000 caratteri.'),
    ).toBeInTheDocument();
    expect(server.calls.some((c) => c.endsWith('/reject'))).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', inDialog), 'Esiste già un progetto');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Respingi', ...inDialog }));
    await waitFor(() => expect(screen.queryByRole('dialog', inDialog)).not.toBeInTheDocument());
    // Tabster leaves the page aria-hidden in jsdom once a dialog closed (see test/dialogs.ts).
    const amendments = screen.getByRole('region', { name: 'Proposte di modifica', ...inDialog });
    expect(await within(amendments).findByText('Motivo: Esiste già un progetto')).toBeVisible();
    expect(within(amendments).getByText('Respinta')).toBeVisible();
  });

  it('says when another author decided first, and shows that decision', async () => {
    renderPage(idea('i1', { ...asAuthor, amendments: [anAmendment()], openAmendments: 1 }), {
      amendmentDecidedElsewhere: true,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Accogli la modifica di Giulia Ferri' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Un'altra persona tra chi firma l'idea ha già deciso su questa modifica",
    );
    expect(await screen.findByText('Respinta')).toBeInTheDocument();
  });
});
