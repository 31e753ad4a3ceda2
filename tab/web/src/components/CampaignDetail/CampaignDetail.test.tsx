import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CampaignState, CampaignStatus } from '../../api/types';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { campaignStatus, sara } from '../../../test/fixtures';
import { CampaignDetail } from './CampaignDetail';

function renderDetail(status: CampaignStatus, locale: 'it-IT' | 'en-US' = 'it-IT') {
  const fake = fakeServer({ me: sara, campaigns: [status] });
  const onChange = jest.fn();
  const view = renderWithTeams(
    <CampaignDetail campaign={status} onChange={onChange} />,
    fakeTeams(fake.apiFetch, { locale }),
  );
  const reads = () => fake.server.calls.filter((c) => c === `GET /api/v1/campaigns/${status.id}`);
  return { ...fake, onChange, view, reads };
}

// Found again each time: the page is aria-hidden for a moment after a dialog closes.
const actions = () => screen.findByRole('group', { name: 'Azioni sulla campagna' });

describe('campaign detail', () => {
  it('shows the progress, the counts by outcome and a friendly ETA', async () => {
    renderDetail(campaignStatus());

    const bar = await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    expect(bar).toHaveAttribute('aria-valuenow', '0.6');
    expect(bar).toHaveAttribute('aria-valuetext', '60%');
    expect(bar).toHaveAccessibleDescription(
      '60% completato (120 su 200 tra le persone destinatarie)',
    );
    const counts = screen.getByRole('table', { name: 'Destinatari per esito' });
    const rows = within(counts).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => [
        row.querySelector('th')?.textContent,
        row.querySelector('td')?.textContent,
      ]),
    ).toEqual([
      ['Messaggio inviato', '90'],
      ['In attesa', '80'],
      ['Invio non riuscito', '2'],
      ['Hanno bloccato il bot', '3'],
      ['Non raggiungibili', '25'],
      ['Avevano già completato il questionario', '0'],
      ['Totale', '200'],
    ]);
    expect(screen.getByText('Tempo residuo stimato: circa 12 minuti')).toBeInTheDocument();
    expect(screen.getByText('In corso')).toBeInTheDocument();
    expect(screen.queryByText(/ricevuto due volte/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Nessuna istanza/)).not.toBeInTheDocument();
  });

  it('says at least how many of the people reached completed, never who', async () => {
    renderDetail(campaignStatus());
    expect(
      await screen.findByText(
        'Hanno completato il questionario: almeno 40 delle 90 persone raggiunte.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/cresce a passi di 5 e resta sempre almeno 5 sotto/)).toBeVisible();
  });

  it('gives no completions for fewer than 2k people reached', async () => {
    renderDetail(campaignStatus({ completions: { reached: 9, atLeast: null, k: 5 } }));
    expect(
      await screen.findByText(
        /ha raggiunto meno di 10 persone: per tutelare la privacy non indichiamo/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/almeno \d+ delle/)).not.toBeInTheDocument();
  });

  it('speaks English, with hours in the ETA', async () => {
    renderDetail(campaignStatus({ etaSeconds: 2 * 3600 + 5 * 60 }), 'en-US');

    expect(
      await screen.findByRole('progressbar', { name: 'Sending progress' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Estimated time left: about 2 hours, 5 minutes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel campaign' })).toBeEnabled();
  });

  it('warns when no instance is sending and notes who may have received it twice', async () => {
    renderDetail(
      campaignStatus({
        sending: false,
        counts: { ...campaignStatus().counts, inDoubt: 3 },
      }),
    );

    expect(
      await screen.findByText(/Nessuna istanza dell'app sta inviando in questo momento/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "3 persone potrebbero averlo ricevuto due volte: un'istanza dell'app si è fermata durante l'invio.",
      ),
    ).toBeInTheDocument();
  });

  it('says when a scheduled reminder will start', async () => {
    renderDetail(
      campaignStatus({
        kind: 'reminder',
        remindable: false,
        state: 'preparing',
        audience: { kind: 'nonRespondents', campaignId: 'c20260301t090000a1b2c3' },
        notBefore: '2999-03-10T09:00:00.000Z',
        counts: {
          total: 0,
          sent: 0,
          pending: 0,
          failed: 0,
          blocked: 0,
          unreachable: 0,
          alreadyCompleted: 0,
          inDoubt: 0,
        },
        audienceRead: 0,
        progress: 0,
      }),
    );

    expect(await screen.findByText(/^Programmata per il \d+ mar 2999/)).toBeInTheDocument();
    expect(screen.getByText('Programmata')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Promemoria' })).not.toBeInTheDocument();
  });

  it.each<[CampaignState, string[], boolean | 'none']>([
    ['preparing', ['Sospendi', 'Annulla campagna'], false],
    ['running', ['Sospendi', 'Annulla campagna'], true],
    ['paused', ['Riprendi', 'Annulla campagna'], true],
    ['cancelled', [], 'none'],
    ['completed', [], true],
  ])('when %s, enables only %j (reminders: %s)', async (state, enabled, canRemind) => {
    renderDetail(campaignStatus({ state }));
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });

    const reminders = screen.queryByRole('region', { name: 'Promemoria' });
    const remind = reminders && within(reminders).getByRole('button', { name: 'Invia promemoria' });
    expect(remind ? !remind.hasAttribute('disabled') : 'none').toBe(canRemind);
    const buttons = within(await actions()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Sospendi', 'Riprendi', 'Annulla campagna']);
    expect(buttons.filter((b) => !b.hasAttribute('disabled')).map((b) => b.textContent)).toEqual(
      enabled,
    );
  });

  it('pauses and resumes, telling the list', async () => {
    const user = userEvent.setup();
    const { server, onChange } = renderDetail(campaignStatus());
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });

    await user.click(within(await actions()).getByRole('button', { name: 'Sospendi' }));
    expect(await screen.findByText('Sospesa')).toBeInTheDocument();
    expect(within(await actions()).getByRole('button', { name: 'Riprendi' })).toBeEnabled();
    expect(within(await actions()).getByRole('button', { name: 'Sospendi' })).toBeDisabled();
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ state: 'paused' }));

    await user.click(within(await actions()).getByRole('button', { name: 'Riprendi' }));
    expect(await screen.findByText('In corso')).toBeInTheDocument();
    expect(server.calls).toEqual(
      expect.arrayContaining([
        'POST /api/v1/campaigns/c20260310t090000a1b2c3/pause',
        'POST /api/v1/campaigns/c20260310t090000a1b2c3/resume',
      ]),
    );
  });

  it('cancels only after confirming', async () => {
    const user = userEvent.setup();
    const { server } = renderDetail(campaignStatus());
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    const cancelled = 'POST /api/v1/campaigns/c20260310t090000a1b2c3/cancel';

    await user.click(within(await actions()).getByRole('button', { name: 'Annulla campagna' }));
    let dialog = await findAlertDialog('Annullare la campagna?');
    await user.click(within(dialog).getByRole('button', { name: 'Non annullare', ...inDialog }));
    await waitFor(() =>
      expect(screen.queryByRole('alertdialog', inDialog)).not.toBeInTheDocument(),
    );
    expect(server.calls).not.toContain(cancelled);

    await user.click(within(await actions()).getByRole('button', { name: 'Annulla campagna' }));
    dialog = await findAlertDialog('Annullare la campagna?');
    await user.click(
      within(dialog).getByRole('button', { name: 'Annulla la campagna', ...inDialog }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('alertdialog', inDialog)).not.toBeInTheDocument(),
    );

    expect(await screen.findByText('Annullata')).toBeInTheDocument();
    expect(server.calls).toContain(cancelled);
    expect(
      within(await actions()).getByRole('button', { name: 'Annulla campagna' }),
    ).toBeDisabled();
  });

  it("shows the server's refusal when the state changed meanwhile", async () => {
    const user = userEvent.setup();
    const { server } = renderDetail(campaignStatus({ state: 'paused' }));
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    server.campaigns[0] = { ...server.campaigns[0]!, state: 'cancelled' };

    await user.click(within(await actions()).getByRole('button', { name: 'Riprendi' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Operazione non possibile: la campagna è «cancelled».',
    );
  });

  it('schedules a reminder 3 days after the start, after confirming', async () => {
    const user = userEvent.setup();
    const { server, onChange } = renderDetail(
      campaignStatus({ state: 'completed', startedAt: new Date().toISOString() }),
    );
    const reminders = await screen.findByRole('region', { name: 'Promemoria' });

    await user.selectOptions(
      within(reminders).getByRole('combobox', { name: 'Quando' }),
      "3 giorni dopo l'avvio dell'invito",
    );
    await user.click(within(reminders).getByRole('button', { name: 'Invia promemoria' }));
    const dialog = await findAlertDialog('Inviare il promemoria?');
    expect(dialog).toHaveTextContent("Quando: 3 giorni dopo l'avvio dell'invito.");
    await user.click(within(dialog).getByRole('button', { name: 'Conferma', ...inDialog }));

    expect(
      await within(reminders).findByText(/^Promemoria (programmato|avviato)/),
    ).toBeInTheDocument();
    expect(server.bodies).toEqual([
      {
        call: 'POST /api/v1/campaigns/c20260310t090000a1b2c3/reminders',
        body: { afterHours: 72 },
      },
    ]);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ kind: 'reminder' }));
  });
});
