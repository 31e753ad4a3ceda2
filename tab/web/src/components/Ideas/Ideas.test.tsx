import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { calls, idea, openCall, SCHOOLS, WELFARE } from '../../../test/idea-fixtures';
import { Ideas } from './Ideas';

const renderScreen = (state: Parameters<typeof fakeServer>[0], admin = false) => {
  const fake = fakeServer(state);
  renderWithTeams(<Ideas admin={admin} />, fakeTeams(fake.apiFetch));
  return fake;
};

const listCalls = (calls: string[]) => calls.filter((c) => c.startsWith('GET /api/v1/ideas?'));

describe('the Idee screen', () => {
  it("shows the open call's title and question, and its ideas by votes", async () => {
    renderScreen({
      me: giulia,
      ideaCalls: calls(),
      ideas: [idea('i1', { votes: 2 }), idea('i2', { title: 'Pagamenti con PagoPA', votes: 7 })],
    });
    expect(await screen.findByRole('heading', { name: openCall.title })).toBeInTheDocument();
    expect(screen.getByText(openCall.question)).toBeInTheDocument();
    const list = await screen.findByRole('list');
    const titles = within(list)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(titles).toEqual(['Pagamenti con PagoPA', 'Idea i1']);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Voti: 7');
    expect(screen.getByRole('status')).toHaveTextContent('Idee 1–2 di 2');
  });

  it('says so when no call has been opened yet', async () => {
    renderScreen({ me: giulia });
    expect(await screen.findByText(/^Nessuna call per idee, per ora/)).toBeInTheDocument();
  });

  it('searches once typing pauses, and filters and sorts on the server', async () => {
    const { server } = renderScreen({
      me: giulia,
      ideaCalls: calls(),
      ideas: [
        idea('i1', { title: 'Certificati anagrafici online', area: WELFARE }),
        idea('i2', { title: 'Prenotazione palestre', area: SCHOOLS }),
      ],
    });
    await screen.findByText('Idee 1–2 di 2');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Cerca tra le idee' }), 'certif');
    expect(await screen.findByText('Idee 1–1 di 1')).toBeInTheDocument();
    // One request for the whole word, none per keystroke.
    expect(listCalls(server.calls).filter((c) => c.includes('q='))).toEqual([
      'GET /api/v1/ideas?limit=50&call=call1&q=certif&offset=0',
    ]);

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Cerca tra le idee' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Area' }), SCHOOLS);
    expect(await screen.findByRole('button', { name: 'Prenotazione palestre' })).toBeVisible();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Idee 1–1 di 1'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Ordina' }), 'discussed');
    await waitFor(() =>
      expect(listCalls(server.calls).at(-1)).toContain(
        `area=${encodeURIComponent(SCHOOLS).replace(/%20/g, '+')}&sort=discussed`,
      ),
    );
  });

  it('pages through a long list, and goes back to the first page when the filter changes', async () => {
    const many = Array.from({ length: 60 }, (_, n) =>
      idea(`i${n}`, { votes: 100 - n, status: n % 2 ? 'submitted' : 'underReview' }),
    );
    const { server } = renderScreen({ me: giulia, ideaCalls: calls(), ideas: many });
    expect(await screen.findByText('Idee 1–50 di 60')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: "Pagine dell'elenco" });
    expect(within(pages).getByRole('button', { name: 'Pagina precedente' })).toBeDisabled();
    await userEvent.click(within(pages).getByRole('button', { name: 'Pagina successiva' }));
    expect(await screen.findByText('Idee 51–60 di 60')).toBeInTheDocument();
    expect(listCalls(server.calls).at(-1)).toContain('offset=50');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stato' }), 'underReview');
    expect(await screen.findByText('Idee 1–30 di 30')).toBeInTheDocument();
    expect(listCalls(server.calls).at(-1)).toMatch(/status=underReview.*&offset=0$/);
  });
});

describe('proposing an idea', () => {
  const open = async () => {
    await userEvent.click(await screen.findByRole('button', { name: "Proponi un'idea" }));
    return screen.findByRole('heading', { name: "Proponi un'idea" });
  };

  it('says ideas are signed, and shows similar ideas while the title and problem are typed', async () => {
    renderScreen({
      me: giulia,
      ideaCalls: calls(),
      ideas: [idea('i1', { title: 'Iscrizione ai nidi online', votes: 4 })],
    });
    const heading = await open();
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/^Le idee sono firmate/)).toBeInTheDocument();
    const similar = screen.getByRole('region', { name: 'Idee simili già proposte' });
    expect(similar).toHaveTextContent('Mentre scrivi titolo e problema');

    await userEvent.type(screen.getByRole('textbox', { name: /^Titolo/ }), 'Nidi: iscrizione');
    expect(await within(similar).findByRole('button', { name: 'Iscrizione ai nidi online' }));
    expect(similar).toHaveTextContent('Forse vuoi sostenere o migliorare una di queste:');
    expect(similar).toHaveTextContent('(Proposta, voti: 4)');

    // Opening one and coming back keeps what was typed.
    await userEvent.click(
      within(similar).getByRole('button', { name: 'Iscrizione ai nidi online' }),
    );
    await screen.findByRole('heading', { name: 'Iscrizione ai nidi online' });
    await userEvent.click(screen.getByRole('button', { name: 'Torna alla tua proposta' }));
    expect(await screen.findByRole('textbox', { name: /^Titolo/ })).toHaveValue('Nidi: iscrizione');
  });

  it('marks the fields the server refused, and opens the new idea once it is accepted', async () => {
    const { server } = renderScreen({ me: giulia, ideaCalls: calls() });
    await open();
    const field = (name: RegExp) => screen.getByRole('textbox', { name });
    // Pasted, not typed: a keystroke at a time is slow in jsdom.
    const fill = async (name: RegExp, text: string) => {
      await userEvent.click(field(name));
      await userEvent.paste(text);
    };
    await fill(/^Titolo/, 'Nidi');
    await fill(/^Procedimento/, 'Iscrizione ai nidi');
    await fill(/^Ufficio/, 'Servizi per l’infanzia');
    await fill(/^Cosa non funziona/, 'Moduli di carta da ricopiare.');
    await fill(/^La soluzione/, 'Un modulo online con SPID.');
    await fill(/^Chi ne beneficia/, 'Le famiglie, che non fanno code.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Cittadine e cittadini' }));
    await userEvent.click(screen.getByRole('button', { name: 'Invia la proposta' }));

    expect(
      await screen.findByText('La proposta non è stata inviata: controlla i campi segnalati.'),
    ).toBeInTheDocument();
    expect(field(/^Titolo/)).toHaveAccessibleDescription(/Scrivi da 5 a 150 caratteri\./);
    expect(field(/^Titolo/)).toHaveAttribute('aria-invalid', 'true');
    expect(field(/^Procedimento/)).not.toHaveAttribute('aria-invalid', 'true');
    expect(server.ideas).toHaveLength(0);

    await fill(/^Titolo/, ' online');
    await userEvent.click(screen.getByRole('button', { name: 'Invia la proposta' }));
    expect(await screen.findByRole('heading', { name: 'Nidi online' })).toBeInTheDocument();
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/ideas',
      body: {
        title: 'Nidi online',
        procedure: 'Iscrizione ai nidi',
        office: 'Servizi per l’infanzia',
        problem: 'Moduli di carta da ricopiare.',
        proposal: 'Un modulo online con SPID.',
        benefits: 'Le famiglie, che non fanno code.',
        beneficiaries: ['citizens'],
      },
    });
    expect(screen.getByText(/^Proposta da Giulia Ferri il /)).toBeInTheDocument();
  });
});
