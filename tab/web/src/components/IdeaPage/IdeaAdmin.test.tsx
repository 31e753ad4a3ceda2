import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { calls, idea, SCHOOLS } from '../../../test/idea-fixtures';
import type { IdeaDetail } from '../../api/types';
import { Ideas } from '../Ideas/Ideas';

const asAdmin = { may: { vote: true, amend: true, decideAmendments: false, administer: true } };

const renderAdmin = (ideas: IdeaDetail[]) => {
  const fake = fakeServer({ me: sara, ideaCalls: calls(), ideas });
  renderWithTeams(<Ideas admin />, fakeTeams(fake.apiFetch));
  return fake;
};

const openIdea = async (title: string) => {
  // The first screen of a file also pays for Fluent's first render: slow on a loaded machine.
  await userEvent.click(await screen.findByRole('button', { name: title }, { timeout: 15_000 }));
  return screen.findByRole('region', { name: "Gestione dell'idea" });
};

describe("the programme team's part of an idea", () => {
  it('asks a public reason before closing an idea as not feasible, and keeps it in the history', async () => {
    const { server } = renderAdmin([idea('i1', { ...asAdmin, status: 'underReview' })]);
    const admin = await openIdea('Idea i1');
    await userEvent.click(within(admin).getByRole('button', { name: 'Cambia lo stato' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Nuovo stato', ...inDialog }),
      'notFeasible',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cambia lo stato', ...inDialog }),
    );
    expect(
      await within(dialog).findByText('Scrivi un motivo da 3 a 1000 caratteri.'),
    ).toBeInTheDocument();
    expect(server.calls.some((c) => c.endsWith('/status'))).toBe(false);

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Motivo/, ...inDialog }),
      'Serve una legge regionale',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cambia lo stato', ...inDialog }),
    );
    expect(await screen.findByText('Motivazione: Serve una legge regionale')).toBeInTheDocument();
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/ideas/i1/status',
      body: { status: 'notFeasible', reason: 'Serve una legge regionale' },
    });
    expect(screen.getByText('Nuovo stato: Non realizzabile')).toBeInTheDocument();
  });

  it('merges an idea into the one picked, then separates them again', async () => {
    const { server } = renderAdmin([
      idea('i1', { ...asAdmin, title: 'Nidi senza carta', votes: 2 }),
      idea('i2', { ...asAdmin, title: 'Iscrizione ai nidi online', votes: 5 }),
    ]);
    const admin = await openIdea('Nidi senza carta');
    await userEvent.click(within(admin).getByRole('button', { name: "Unisci a un'altra idea" }));
    const dialog = await screen.findByRole('dialog', inDialog);
    const search = within(dialog).getByRole('searchbox', inDialog);
    await userEvent.clear(search);
    await userEvent.type(search, 'nidi');
    await userEvent.click(
      await within(dialog).findByRole('radio', {
        name: 'Iscrizione ai nidi online (voti: 5)',
        ...inDialog,
      }),
    );
    expect(within(dialog).queryByRole('radio', { name: /^Nidi senza carta/, ...inDialog })).toBe(
      null,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unisci', ...inDialog }));
    const merged = await screen.findByText(/^Questa idea è stata unita a un'altra simile/);
    expect(within(merged).getByRole('button', { name: 'Iscrizione ai nidi online', ...inDialog }));
    expect(server.ideas[1]!.votes).toBe(7);

    await userEvent.click(
      screen.getByRole('button', { name: 'Separa di nuovo le idee', ...inDialog }),
    );
    await waitFor(() =>
      expect(screen.queryByText(/^Questa idea è stata unita/)).not.toBeInTheDocument(),
    );
    expect(server.ideas[1]!.votes).toBe(5);
    expect(server.calls.at(-1)).toBe('POST /api/v1/ideas/i1/unmerge');
  });

  it('hides an idea with the reason its author sees, and restores it', async () => {
    const { server } = renderAdmin([idea('i1', asAdmin)]);
    const admin = await openIdea('Idea i1');
    await userEvent.click(within(admin).getByRole('button', { name: 'Nascondi' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.type(
      within(dialog).getByRole('textbox', inDialog),
      'Contiene dati personali di terzi',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nascondi', ...inDialog }));
    expect(
      await screen.findByText(
        'Idea nascosta dal gruppo di programma. Motivo: Contiene dati personali di terzi',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Rendi di nuovo visibile', ...inDialog }),
    );
    await waitFor(() => expect(server.ideas[0]!.hidden).toBe(false));
    expect(await screen.findByText('Di nuovo visibile')).toBeInTheDocument();
  });
});

describe('the pipeline and the calls', () => {
  it('counts ideas per status and area, ranks them, and downloads the CSV', async () => {
    const downloads = captureDownloads();
    renderAdmin([
      idea('i1', { votes: 9, status: 'underReview' }),
      idea('i2', { votes: 4, title: 'Pagamenti online' }),
    ]);
    await userEvent.click(await screen.findByRole('tab', { name: 'Andamento' }));
    const byArea = await screen.findByRole('table', { name: 'Idee per area e stato' });
    const row = within(byArea).getByRole('row', { name: new RegExp(`^${SCHOOLS}`) });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '1', '1', '0', '0', '0', '0']);
    const top = screen.getByRole('region', { name: 'Le più votate' });
    expect(
      within(top)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Idea i1 Voti: 9', 'Pagamenti online Voti: 4']);

    await userEvent.click(screen.getByRole('button', { name: 'Scarica tutte le idee (CSV)' }));
    await waitFor(async () => expect((await downloads.files())[0]?.name).toBe('oibo-idee.csv'));
    expect((await downloads.files())[0]?.text).toContain('i1,Idea i1,underReview,9');
  });

  it('creates a call with its dates', async () => {
    const { server } = renderAdmin([]);
    await userEvent.click(await screen.findByRole('tab', { name: 'Call' }));
    const form = await screen.findByRole('form', { name: 'Nuova call' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Titolo/ }), 'Call 2027');
    await userEvent.type(
      within(form).getByRole('textbox', { name: /^Domanda/ }),
      'Quali servizi online mancano?',
    );
    const [opens, closes] = [/^Si apre il/, /^Ultimo giorno/].map((name) =>
      within(form).getByLabelText(name),
    );
    await userEvent.type(opens!, '2027-01-10');
    await userEvent.type(closes!, '2027-01-05');
    expect(
      within(form).getByText("L'ultimo giorno non può venire prima dell'apertura."),
    ).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Crea la call' })).toBeDisabled();
    await userEvent.clear(closes!);
    await userEvent.type(closes!, '2027-03-31');
    await userEvent.click(within(form).getByRole('button', { name: 'Crea la call' }));
    expect(await screen.findByText('Call 2027')).toBeInTheDocument();
    const sent = server.bodies.at(-1)!.body as { opensAt: string; closesAt: string };
    expect(new Date(sent.opensAt).getDate()).toBe(10);
    // Open through the whole last day: it closes as the next one starts.
    expect(new Date(sent.closesAt).getMonth()).toBe(3);
    expect(new Date(sent.closesAt).getDate()).toBe(1);
  });
});
