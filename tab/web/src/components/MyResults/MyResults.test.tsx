import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, results } from '../../../test/fixtures';
import { MyResults } from './MyResults';

afterEach(() => jest.restoreAllMocks());

describe('My results', () => {
  it('shows the scores as an accessible chart with the numbers in a table', async () => {
    const { apiFetch } = fakeServer({ me: giulia, results });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    const chart = await screen.findByRole('img', { name: /Punteggi per dimensione/ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('Competenze digitali 82, Avanzato') as string,
    );
    const table = screen.getByRole('table', { name: 'Punteggi per dimensione' });
    const row = within(table).getByRole('row', { name: /Atteggiamento verso le relazioni/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['38', 'Base']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Dimensione', 'Punteggio (0–100)', 'Livello']);
  });

  it('marks the thresholds of the bands the questionnaire sends', async () => {
    const bands = [
      { id: 'base', min: 0, label: 'Base' },
      { id: 'intermediate', min: 40, label: 'Intermedio' },
      { id: 'advanced', min: 80, label: 'Avanzato' },
    ] as const;
    const { apiFetch } = fakeServer({ me: giulia, results: { ...results, bands: [...bands] } });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    const chart = await screen.findByRole('img', { name: /Punteggi per dimensione/ });
    const lines = [...chart.querySelectorAll('line')].map((line) => line.getAttribute('x1'));
    const perRow = [...new Set(lines)].map(Number);
    expect(perRow).toEqual([0.4 * 470, 0.8 * 470]);
  });

  it('lists strengths, growth areas with suggestions, and the date', async () => {
    const { apiFetch } = fakeServer({ me: giulia, results });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    const strengths = await screen.findByRole('region', { name: 'Punti di forza' });
    expect(within(strengths).getByRole('listitem')).toHaveTextContent('Competenze digitali');
    const growth = screen.getByRole('region', { name: 'Aree di crescita' });
    expect(within(growth).getByRole('listitem')).toHaveTextContent(
      'Atteggiamento verso le relazioni: Partecipa a un laboratorio con altri settori.',
    );
    expect(
      screen.getByText('Digital Mindset: compilazione completata il 14 marzo 2026'),
    ).toBeInTheDocument();
  });

  it('speaks English for an English host', async () => {
    const { apiFetch } = fakeServer({ me: giulia, results });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch, { locale: 'en-US' }));

    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(
      await screen.findByText('Digital Mindset, completed on March 14, 2026'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete my data' })).toBeInTheDocument();
  });

  it('tells a person without results to type questionario to the bot', async () => {
    const { apiFetch } = fakeServer({ me: giulia, results: null });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    expect(await screen.findByRole('heading', { name: 'Nessun risultato, per ora' })).toBeVisible();
    expect(screen.getByText('questionario', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scarica i miei dati' })).toBeEnabled();
  });

  it('downloads the JSON export of my data', async () => {
    const downloads = captureDownloads();
    const { apiFetch, server } = fakeServer({ me: giulia, results });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    await userEvent.click(await screen.findByRole('button', { name: 'Scarica i miei dati' }));

    await waitFor(() => expect(server.calls).toContain('GET /api/v1/me/data'));
    const [file] = await downloads.files();
    expect(file?.name).toBe('oibo-i-miei-dati.json');
    expect(JSON.parse(file?.text ?? '')).toMatchObject({
      directory: { displayName: 'Giulia Ferri' },
    });
  });

  it('withdraws the facilitator consent with one button and says what it did', async () => {
    const { apiFetch, server } = fakeServer({
      me: { ...giulia, roles: ['employee', 'facilitator'] },
      results,
    });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoca il consenso per i facilitatori' }),
    );

    await waitFor(() => expect(server.calls).toContain('DELETE /api/v1/me/facilitator-consent'));
    expect(await screen.findByRole('status')).toHaveTextContent(
      /il consenso è revocato.*Resti facilitatore o facilitatrice digitale/,
    );
  });

  it('erases my data only after confirming in a dialog, then shows the empty state', async () => {
    const user = userEvent.setup();
    const { apiFetch, server } = fakeServer({ me: giulia, results });
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));
    await screen.findByRole('img');

    await user.click(screen.getByRole('button', { name: 'Cancella i miei dati' }));
    let dialog = await findAlertDialog('Cancellare i tuoi dati?');
    await user.click(within(dialog).getByRole('button', { name: 'Annulla', ...inDialog }));
    await waitFor(() =>
      expect(screen.queryByRole('alertdialog', inDialog)).not.toBeInTheDocument(),
    );
    expect(server.calls).not.toContain('DELETE /api/v1/me/data');
    expect(await screen.findByRole('img')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancella i miei dati' }));
    dialog = await findAlertDialog('Cancellare i tuoi dati?');
    await user.click(
      within(dialog).getByRole('button', { name: 'Cancella definitivamente', ...inDialog }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('alertdialog', inDialog)).not.toBeInTheDocument(),
    );
    expect(server.calls).toContain('DELETE /api/v1/me/data');
    expect(screen.getByText('I tuoi dati sono stati cancellati.')).toBeInTheDocument();
    // Fluent lifts the dialog's aria-hidden from the page a moment after the dialog is gone.
    expect(
      await screen.findByRole('heading', { name: 'Nessun risultato, per ora' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows a localised message when the service fails', async () => {
    const apiFetch = () => Promise.resolve(new Response(null, { status: 503 }));
    renderWithTeams(<MyResults />, fakeTeams(apiFetch));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Il servizio ha avuto un problema. Riprova tra poco.',
    );
    expect(screen.getByRole('button', { name: 'Riprova' })).toBeInTheDocument();
  });
});
