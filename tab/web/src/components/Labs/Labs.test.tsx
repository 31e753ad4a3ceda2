import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../../test/downloads';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, marco, sara } from '../../../test/fixtures';
import { paymentsLab, themes, trainingLab } from '../../../test/lab-fixtures';
import { Labs } from './Labs';

/** Typing every letter re-renders a dialog full of Fluent fields: slow in jsdom. */
const fill = async (field: HTMLElement, text: string) => {
  await userEvent.click(field);
  await userEvent.paste(text);
};

const renderLabs = (state: Parameters<typeof fakeServer>[0], place?: { labId: string }) => {
  const fake = fakeServer({ labs: [paymentsLab(), trainingLab()], labThemes: themes, ...state });
  renderWithTeams(
    <Labs me={state.me} />,
    fakeTeams(fake.apiFetch, place ? { place: { kind: 'lab', ...place } } : {}),
  );
  return fake;
};

describe('the Laboratori screen', () => {
  it('lists the labs and filters them by theme and status', async () => {
    const { server } = renderLabs({ me: giulia });
    const list = await screen.findByRole('list', { name: 'Laboratori' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('Partecipanti: 2 · nessun aggiornamento')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tema' }), 'payments');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stato' }), 'active');

    await waitFor(() =>
      expect(server.calls.at(-1)).toBe('GET /api/v1/labs?theme=payments&status=active'),
    );
    const filtered = await screen.findByRole('list', { name: 'Laboratori' });
    await waitFor(() => expect(within(filtered).getAllByRole('listitem')).toHaveLength(1));
    expect(
      within(filtered).getByRole('button', { name: 'PagoPA allo sportello' }),
    ).toBeInTheDocument();
    // An employee neither creates labs nor sees the cross-lab view.
    expect(screen.queryByRole('button', { name: 'Nuovo laboratorio' })).not.toBeInTheDocument();
    expect(server.calls.some((c) => c.includes('/overview'))).toBe(false);
  });

  it('opens a lab and asks to join it, then goes back to the list', async () => {
    const { server } = renderLabs({ me: giulia });
    await userEvent.click(await screen.findByRole('button', { name: 'Formazione digitale' }));
    const heading = await screen.findByRole('heading', { name: 'Formazione digitale', level: 2 });
    await waitFor(() => expect(heading).toHaveFocus());

    await userEvent.click(screen.getByRole('button', { name: 'Chiedi di partecipare' }));
    expect(
      await screen.findByText('Hai chiesto di partecipare: chi coordina ti risponderà in chat.'),
    ).toBeInTheDocument();
    expect(server.calls).toContain('POST /api/v1/labs/lab-train/join');

    await userEvent.click(screen.getByRole('button', { name: '← Tutti i laboratori' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Formazione digitale' })).toHaveFocus(),
    );
  });

  it("opens straight at a channel tab's lab, on its board", async () => {
    renderLabs({ me: giulia }, { labId: 'lab-pay' });
    expect(
      await screen.findByRole('heading', { name: 'PagoPA allo sportello' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Bacheca' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('list', { name: /^Da fare: 2/ })).toBeInTheDocument();
  });

  it('lets a facilitator create a lab with a second lead from the directory', async () => {
    const { server } = renderLabs({
      me: sara,
      directory: [{ objectId: marco.objectId, displayName: 'Marco Bianchi', department: null }],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nuovo laboratorio' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: /^Tema/, ...inDialog }),
      'task-management',
    );
    await fill(
      within(dialog).getByRole('textbox', { name: /^Titolo/, ...inDialog }),
      'Planner comune',
    );
    await fill(
      within(dialog).getByRole('textbox', { name: /^Obiettivo/, ...inDialog }),
      'Un solo strumento per le attività dei settori.',
    );
    await userEvent.type(
      within(dialog).getByRole('combobox', { name: /^Altre persone/, ...inDialog }),
      'Mar',
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Marco Bianchi', ...inDialog }),
    );
    await userEvent.click(within(dialog).getByRole('switch', { name: /^Riservato/, ...inDialog }));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Crea il laboratorio', ...inDialog }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Planner comune', ...inDialog }),
    ).toBeInTheDocument();
    expect(server.bodies).toContainEqual({
      call: 'POST /api/v1/labs',
      body: {
        theme: 'task-management',
        title: 'Planner comune',
        goal: 'Un solo strumento per le attività dei settori.',
        leads: [marco.objectId],
        startDate: null,
        plannedEndDate: null,
        private: true,
      },
    });
  }, 60_000);

  it('shows managers every lab side by side, with the CSV', async () => {
    const downloads = captureDownloads();
    renderLabs({ me: marco });
    const table = await screen.findByRole('table', { name: 'Avanzamento dei laboratori' });
    const row = within(table).getByRole('row', { name: /^PagoPA allo sportello/ });
    expect(row).toHaveTextContent('0 / 3');
    expect(row).toHaveTextContent('Sara Conti');

    await userEvent.click(screen.getByRole('button', { name: 'Scarica il CSV' }));
    await waitFor(async () =>
      expect((await downloads.files())[0]?.name).toBe('oibo-laboratori.csv'),
    );
  });
});
