import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../../test/downloads';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { openRound, WELFARE } from '../../../test/facilitator-fixtures';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { Facilitators } from './Facilitators';

const renderScreen = (state: Parameters<typeof fakeServer>[0]) => {
  const fake = fakeServer(state);
  renderWithTeams(<Facilitators />, fakeTeams(fake.apiFetch));
  return fake;
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('the Facilitatori screen', () => {
  it('refuses whoever is not in the programme team, with the reason in words', async () => {
    renderScreen({ me: giulia });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Non hai i permessi per vedere questa sezione.',
    );
  });

  it('creates a round with the default thresholds and approval, after checking what was typed', async () => {
    const { server } = renderScreen({ me: sara });
    expect(await screen.findByText('Nessun turno di selezione, per ora.')).toBeInTheDocument();
    const skills = screen.getByRole('spinbutton', { name: /^Competenze digitali/ });
    expect(skills).toHaveValue(70);
    expect(screen.getByRole('switch', { name: /approvazione/ })).toBeChecked();

    await userEvent.clear(skills);
    await userEvent.type(skills, '101');
    await userEvent.click(screen.getByRole('button', { name: 'Crea il turno' }));
    expect(await screen.findByText('La soglia è un numero intero da 0 a 100.')).toBeInTheDocument();
    expect(server.calls).not.toContain('POST /api/v1/facilitator-rounds');

    await userEvent.clear(skills);
    await userEvent.type(skills, '75');
    await userEvent.click(screen.getByRole('button', { name: 'Crea il turno' }));
    expect(await screen.findByRole('heading', { name: /^Turno del / })).toBeInTheDocument();
    expect(server.bodies).toContainEqual({
      call: 'POST /api/v1/facilitator-rounds',
      body: { thresholds: { digitalSkills: 75, motivation: 70 }, managerApproval: true },
    });
    expect(
      screen.getByText(/^Nessuna persona candidata: nessuna persona che ha dato il consenso/),
    ).toBeInTheDocument();
  });

  it('shows the shortlist with reasons and statuses in words, sorted and filtered', async () => {
    renderScreen({ me: sara, rounds: [openRound()] });
    const table = await screen.findByRole('table', { name: 'Persone candidate: 4 su 4' });
    const carla = within(table).getByRole('row', { name: /^Carla Neri/ });
    expect(
      within(carla)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      WELFARE,
      '62',
      '71',
      'Ha espresso interesse',
      "Tra i punteggi più alti di un'area da coprire",
      'Da invitare',
      'Escludi',
    ]);
    expect(within(table).getByRole('row', { name: /^Bruno Verdi/ })).toHaveTextContent(
      '88,2Non ha espresso interesse',
    );

    await userEvent.click(
      within(table).getByRole('button', { name: 'Motivazione ad aiutare i colleghi' }),
    );
    expect(rowsOf(table)).toEqual(['Bruno Verdi', 'Anna Rossi', 'Dario Gallo', 'Carla Neri']);
    expect(
      within(table).getByRole('columnheader', { name: 'Motivazione ad aiutare i colleghi' }),
    ).toHaveAttribute('aria-sort', 'descending');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stato' }), 'removed');
    const filtered = screen.getByRole('table', { name: 'Persone candidate: 1 su 4' });
    expect(rowsOf(filtered)).toEqual(['Dario Gallo']);
    within(filtered).getByRole('button', { name: 'Aggiungi di nuovo Dario Gallo' });
  });

  it('marks a department below target in words, and saves a changed target', async () => {
    const { server } = renderScreen({ me: sara, rounds: [openRound()] });
    const coverage = await screen.findByRole('table', {
      name: 'Copertura per area: persone, obiettivo e persone candidate',
    });
    expect(screen.getByText("Aree sotto l'obiettivo: 1.")).toBeInTheDocument();
    const welfare = within(coverage).getByRole('row', { name: new RegExp(`^${WELFARE}`) });
    expect(welfare).toHaveTextContent("Sotto l'obiettivo");

    const target = within(welfare).getByRole('spinbutton', { name: `Obiettivo per ${WELFARE}` });
    await userEvent.clear(target);
    expect(screen.getByRole('button', { name: 'Salva gli obiettivi' })).toBeDisabled();
    await userEvent.type(target, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Salva gli obiettivi' }));
    expect(await screen.findByText('Obiettivi salvati.')).toBeInTheDocument();
    expect(server.bodies).toContainEqual({
      call: 'PATCH /api/v1/facilitator-rounds/r1',
      body: { targets: { [WELFARE]: 1 } },
    });
    expect(screen.getByText("Tutte le aree raggiungono l'obiettivo.")).toBeInTheDocument();
  });

  it('removes a person only with a reason, and the audit log shows it', async () => {
    const { server } = renderScreen({ me: sara, rounds: [openRound()] });
    await screen.findByRole('table', { name: 'Persone candidate: 4 su 4' });
    expect(await screen.findByText('Nessuna operazione registrata.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Escludi Anna Rossi' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    within(dialog).getByRole('heading', {
      name: 'Escludere Anna Rossi dalle persone candidate?',
      ...inDialog,
    });
    const reason = within(dialog).getByRole('textbox', { name: /^Motivo/, ...inDialog });
    await userEvent.type(reason, 'no');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Escludi', ...inDialog }));
    expect(within(dialog).getByText('Scrivi un motivo da 3 a 500 caratteri.')).toBeInTheDocument();
    expect(server.calls).not.toContain('POST /api/v1/facilitator-rounds/r1/shortlist');

    await userEvent.type(reason, 'n ora: trasferita ad altro ufficio');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Escludi', ...inDialog }));
    await waitFor(() => expect(screen.queryByRole('dialog', inDialog)).not.toBeInTheDocument());
    expect(server.bodies).toContainEqual({
      call: 'POST /api/v1/facilitator-rounds/r1/shortlist',
      body: { action: 'remove', objectId: 'p1', reason: 'non ora: trasferita ad altro ufficio' },
    });
    const table = screen.getByRole('table', { name: 'Persone candidate: 4 su 4' });
    expect(within(table).getByRole('row', { name: /^Anna Rossi/ })).toHaveTextContent(
      'Esclusione a mano',
    );
    const log = await screen.findByRole('table', { name: 'Operazioni, dalla più recente' });
    const entry = within(log).getAllByRole('row')[1]!;
    expect(entry).toHaveTextContent('Esclusione a mano dalle persone candidate');
    expect(entry).toHaveTextContent('p1');
    expect(entry).toHaveTextContent('non ora: trasferita ad altro ufficio');
  });

  it("adds a person picked from the directory by name, and keeps the server's refusal in the dialog", async () => {
    const { server } = renderScreen({
      me: sara,
      rounds: [openRound()],
      refuseShortlist: { status: 422, title: 'Questa persona non ha dato il consenso.' },
      directory: [{ objectId: 'p9', displayName: 'Nicolò Serra', department: WELFARE }],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Aggiungi una persona' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aggiungi', ...inDialog }));
    expect(within(dialog).getByText('Scegli la persona da aggiungere.')).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('combobox', { name: /^La persona/, ...inDialog }),
      'nicolo',
    );
    await userEvent.click(
      await screen.findByRole('option', { name: `Nicolò Serra · ${WELFARE}`, ...inDialog }),
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Motivo/, ...inDialog }),
      'segnalata dal settore',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aggiungi', ...inDialog }));
    expect(await within(dialog).findByRole('alert', inDialog)).toHaveTextContent(
      'Questa persona non ha dato il consenso.',
    );
    expect(server.bodies.at(-1)?.body).toEqual({
      action: 'add',
      objectId: 'p9',
      reason: 'segnalata dal settore',
    });
    // Typing the name and the reason on a loaded machine.
  }, 60_000);

  it('invites after saying how many people, then follows the sending', async () => {
    const { server } = renderScreen({ me: sara, rounds: [openRound()] });
    expect(
      await screen.findByText("Persone proposte che riceveranno l'invito in chat: 3."),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Invita' }));
    const dialog = await findAlertDialog('Inviare gli inviti?');
    expect(dialog).toHaveTextContent("Persone che riceveranno l'invito: 3.");
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Invia gli inviti', ...inDialog }),
    );
    const bar = await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(server.calls).toContain('POST /api/v1/facilitator-rounds/r1/invitations');
    expect(screen.queryByRole('button', { name: 'Escludi Bruno Verdi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: /^Obiettivo per/ })).not.toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Inviti inviati' })).toBeInTheDocument();
  });

  it('pages the audit log and exports it as CSV', async () => {
    const downloads = captureDownloads();
    const audit = Array.from({ length: 60 }, (_, i) => ({
      id: `a${i}`,
      at: new Date(Date.UTC(2026, 3, 1, 9, 60 - i)).toISOString(),
      actor: 'admin',
      action: 'retention.purge',
      reason: 'retention.schedule',
      counts: { deleted: i },
      subject: null,
      note: null,
    }));
    renderScreen({ me: sara, audit });
    const log = await screen.findByRole('table', { name: 'Operazioni, dalla più recente' });
    expect(within(log).getAllByRole('row')).toHaveLength(51);
    await userEvent.click(screen.getByRole('button', { name: 'Mostra altre operazioni' }));
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(61));
    expect(
      screen.queryByRole('button', { name: 'Mostra altre operazioni' }),
    ).not.toBeInTheDocument();
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent(
      'Cancellazione dei dati scadutiadmin—retention.schedule',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Esporta il registro (CSV)' }));
    await waitFor(async () => expect(await downloads.files()).toHaveLength(1));
    const [file] = await downloads.files();
    expect(file?.name).toBe('registro-operazioni.csv');
    expect(file?.text.split('\n')).toHaveLength(61);
  });
});
