import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { campaignStatus, departments, sara } from '../../../test/fixtures';
import { Campaigns } from './Campaigns';

const invitation = campaignStatus({ state: 'completed', progress: 1, etaSeconds: null });
const reminder = campaignStatus({
  id: 'c20260312t090000d4e5f6',
  kind: 'reminder',
  remindable: false,
  state: 'preparing',
  audience: { kind: 'nonRespondents', campaignId: invitation.id },
  createdAt: '2026-03-12T09:00:00.000Z',
  notBefore: '2999-01-01T09:00:00.000Z',
  startedAt: null,
});

const renderCampaigns = (state: Parameters<typeof fakeServer>[0]) => {
  const fake = fakeServer(state);
  renderWithTeams(<Campaigns />, fakeTeams(fake.apiFetch));
  return fake;
};

describe('campaigns', () => {
  it('lists campaigns newest first with their kind, audience and state', async () => {
    renderCampaigns({ me: sara, campaigns: [reminder, invitation] });

    const table = await screen.findByRole('table', { name: 'Campagne, dalla più recente' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      [
        'Promemoria',
        'Chi ha ricevuto l’invito e non ha ancora completato il questionario'.replace('’', "'"),
        'Programmata',
      ],
      ['Invito al questionario', 'Tutto il personale', 'Conclusa'],
    ]);
    // The chosen campaign's date reads as a chosen link, not as an action to take.
    const chosen = within(rows[0]!).getByRole('button', { pressed: true });
    expect(chosen).toHaveClass('fui-Link');
    expect(chosen).not.toHaveClass('fui-Button');
    expect(
      await screen.findByText(/Programmata per il \d+ gen 2999/, { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('shows the questionnaire campaigns first, and the other kinds when asked for', async () => {
    const approval = campaignStatus({
      id: 'c20260313t090000a1b2c3',
      kind: 'facilitator-approval',
      remindable: false,
      state: 'completed',
      audience: { kind: 'chosen' },
      createdAt: '2026-03-13T09:00:00.000Z',
    });
    const { server } = renderCampaigns({ me: sara, campaigns: [approval, reminder, invitation] });
    const kinds = async () =>
      within(await screen.findByRole('table', { name: 'Campagne, dalla più recente' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

    expect(await kinds()).toEqual(['Promemoria', 'Invito al questionario']);
    expect(server.calls).toContain('GET /api/v1/campaigns?kind=assessment&kind=reminder');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Mostra' }),
      'Facilitatori digitali: inviti, approvazioni ed esiti',
    );
    await waitFor(async () => expect(await kinds()).toEqual(['Richiesta di approvazione']));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Mostra' }),
      'Tutte le campagne',
    );
    await waitFor(async () => expect(await kinds()).toHaveLength(3));
    expect(server.calls).toContain('GET /api/v1/campaigns');
  });

  it('names the first of several areas in the list, and all of them in the campaign', async () => {
    const areas = campaignStatus({
      state: 'completed',
      audience: { kind: 'departments', departments },
    });
    renderCampaigns({ me: sara, campaigns: [areas] });

    const table = await screen.findByRole('table', { name: 'Campagne, dalla più recente' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(within(row!).getAllByRole('cell')[1]).toHaveTextContent(
      `Aree: ${departments[0]} e 2 in più`,
    );
    expect(
      await screen.findByText(`Aree: ${departments.join(', ')}`, { selector: 'span' }),
    ).toBeInTheDocument();
  });

  it('starts a campaign for the chosen departments only after confirming the audience', async () => {
    const user = userEvent.setup();
    const { server } = renderCampaigns({ me: sara, campaigns: [invitation], departments });
    await screen.findByRole('table', { name: 'Campagne, dalla più recente' });

    await user.click(screen.getByRole('radio', { name: 'Alcune aree' }));
    const start = screen.getByRole('button', { name: 'Avvia campagna' });
    expect(start).toBeDisabled();
    await user.click(await screen.findByRole('combobox', { name: /^Aree/ }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: departments[1] }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: departments[2] }));
    await user.keyboard('{Escape}');

    await user.click(start);
    let dialog = await findAlertDialog('Avviare la campagna?');
    expect(dialog).toHaveTextContent(`Destinatari: Aree: ${departments[1]}, ${departments[2]}`);
    const numbers = await within(dialog).findByRole('table', {
      name: "Chi riceverà l'invito",
      ...inDialog,
    });
    expect(
      within(numbers)
        .getAllByRole('row', inDialog)
        .map((row) => row.textContent),
    ).toEqual([
      'Persone scelte1250',
      "Riceveranno l'invito1100",
      'Escluse: hanno già completato il questionario120',
      "Non raggiungibili: l'app non è installata per loro30",
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Indietro', ...inDialog }));
    await waitFor(() =>
      expect(screen.queryByRole('alertdialog', inDialog)).not.toBeInTheDocument(),
    );
    expect(server.calls).not.toContain('POST /api/v1/campaigns');

    await user.click(start);
    dialog = await findAlertDialog('Avviare la campagna?');
    await user.click(within(dialog).getByRole('button', { name: 'Avvia', ...inDialog }));

    await waitFor(() => expect(server.calls).toContain('POST /api/v1/campaigns'));
    const audience = { kind: 'departments', departments: [departments[1], departments[2]] };
    expect(server.bodies).toEqual([
      { call: 'POST /api/v1/campaigns/preview', body: { audience } },
      { call: 'POST /api/v1/campaigns/preview', body: { audience } },
      {
        call: 'POST /api/v1/campaigns',
        body: { audience: { kind: 'departments', departments: [departments[1], departments[2]] } },
      },
    ]);
    expect(
      await screen.findByText(`Campagna avviata: Aree: ${departments[1]}, ${departments[2]}.`),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Campagne, dalla più recente' });
    const newest = within(table).getAllByRole('row')[1]!;
    expect(newest).toHaveTextContent(`Aree: ${departments[1]} e 1 in più`);
    expect(within(newest).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  });

  it('starts a campaign for a role', async () => {
    const user = userEvent.setup();
    const { server } = renderCampaigns({ me: sara });
    expect(await screen.findByText('Nessuna campagna, per ora.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Chi ha un ruolo' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Ruolo' }),
      'facilitatrici e facilitatori',
    );
    await user.click(screen.getByRole('button', { name: 'Avvia campagna' }));
    const dialog = await findAlertDialog('Avviare la campagna?');
    expect(dialog).toHaveTextContent('Destinatari: Ruolo: facilitatrici e facilitatori');
    await user.click(within(dialog).getByRole('button', { name: 'Avvia', ...inDialog }));

    await waitFor(() =>
      expect(
        server.bodies.filter((b) => b.call === 'POST /api/v1/campaigns').map((b) => b.body),
      ).toEqual([{ audience: { kind: 'role', role: 'facilitator' } }]),
    );
    expect(await screen.findByRole('table', { name: /Campagne/ })).toHaveTextContent(
      'Ruolo: facilitatrici e facilitatori',
    );
  });

  it("shows the server's refusal in its own words", async () => {
    const user = userEvent.setup();
    const title =
      "Nessuna persona nell'anagrafica del personale corrisponde ai destinatari scelti: la campagna non è stata creata.";
    const { server } = renderCampaigns({
      me: sara,
      refuseStart: { status: 422, title, code: 'emptyAudience' },
    });
    await screen.findByText('Nessuna campagna, per ora.');

    await user.click(screen.getByRole('button', { name: 'Avvia campagna' }));
    const dialog = await findAlertDialog('Avviare la campagna?');
    expect(dialog).toHaveTextContent('Destinatari: Tutto il personale');
    await user.click(within(dialog).getByRole('button', { name: 'Avvia', ...inDialog }));

    expect(await screen.findByRole('alert')).toHaveTextContent(title);
    expect(
      server.bodies.filter((b) => b.call === 'POST /api/v1/campaigns').map((b) => b.body),
    ).toEqual([{ audience: { kind: 'all' } }]);
    expect(screen.getByText('Nessuna campagna, per ora.')).toBeInTheDocument();
  });

  it('adds a reminder to the list and keeps its invitation selected', async () => {
    const user = userEvent.setup();
    renderCampaigns({ me: sara, campaigns: [invitation] });
    const reminders = await screen.findByRole('region', { name: 'Promemoria' });

    await user.click(within(reminders).getByRole('button', { name: 'Invia promemoria' }));
    const dialog = await findAlertDialog('Inviare il promemoria?');
    await user.click(within(dialog).getByRole('button', { name: 'Conferma', ...inDialog }));

    const table = await screen.findByRole('table', { name: 'Campagne, dalla più recente' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const [, newest, older] = within(table).getAllByRole('row');
    expect(newest).toHaveTextContent('Promemoria');
    expect(within(newest!).getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    expect(within(older!).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  });

  it('says so when the person is not an admin', async () => {
    renderCampaigns({
      me: { ...sara, roles: ['employee', 'manager'] },
      campaigns: [invitation],
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Non hai i permessi per vedere questa sezione.',
    );
  });
});
