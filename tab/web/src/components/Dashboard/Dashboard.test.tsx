import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseCsv } from '../../../test/csv';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, heatmap, marco } from '../../../test/fixtures';
import { Dashboard } from './Dashboard';

afterEach(() => jest.restoreAllMocks());

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => [...cell.querySelectorAll('span')].map((span) => span.textContent ?? ''));

describe('dashboard', () => {
  it('shows means with their band and greys hidden cells with a neutral label', async () => {
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    const table = await screen.findByRole('table', { name: /Punteggio medio/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Struttura', 'Partecipanti', 'Competenze digitali', 'Propensione al cambiamento']);
    const infanzia = within(table).getByRole('row', { name: /Settore Servizi per l'Infanzia/ });
    expect(cellTexts(infanzia)).toEqual([['12'], ['78,4', 'Avanzato'], ['61,0', 'Intermedio']]);

    const hiddenLarge = within(table).getByRole('row', { name: /Settore Diritto allo Studio/ });
    expect(
      within(hiddenLarge)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Nascosto per la privacy', 'Nascosto per la privacy', 'Nascosto per la privacy']);
    expect(
      within(table).getByRole('rowheader', {
        name: 'Area Educazione, Istruzione e Nuove Generazioni (personale diretto)',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/meno di 5|fewer than 5/i)).not.toBeInTheDocument();
    expect(screen.getByText(/gruppi di almeno 5 persone/)).toBeInTheDocument();
    expect(screen.getByText('Partecipanti in totale: 31')).toBeInTheDocument();
    // Managers see when the figures were published, and why recent answers may be missing.
    expect(
      screen.getByText(/^Dati pubblicati il 20 nov 2026.*almeno 5 nuove risposte/),
    ).toBeInTheDocument();
  });

  it('keeps one decimal so that a mean just under a threshold reads under it', async () => {
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch, { locale: 'en-US' }));

    const table = await screen.findByRole('table', { name: /Mean score/ });
    const scuole = within(table).getByRole('row', { name: /Settore Scuole/ });
    expect(cellTexts(scuole)).toEqual([['9'], ['49.6', 'Basic'], ['42.2', 'Basic']]);
    expect(within(table).getAllByText('Hidden for privacy')).toHaveLength(6);
  });

  it('exports as CSV exactly the cells on screen', async () => {
    const downloads = captureDownloads();
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));
    const table = await screen.findByRole('table', { name: /Punteggio medio/ });

    await userEvent.click(screen.getByRole('button', { name: 'Esporta CSV' }));

    const [file] = await downloads.files();
    expect(file?.name).toBe('oibo-cruscotto.csv');
    const [header, ...rows] = parseCsv(file?.text ?? '');
    expect(header).toEqual([
      'Struttura',
      'Partecipanti',
      'Partecipanti - nota',
      'Competenze digitali - media',
      'Competenze digitali - nota',
      'Propensione al cambiamento - media',
      'Propensione al cambiamento - nota',
    ]);
    const screenRows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(screenRows.length);
    screenRows.forEach((row, i) => {
      const csv = rows[i]!;
      expect(csv[0]).toBe(within(row).getByRole('rowheader').textContent);
      const cells = within(row).getAllByRole('cell');
      cells.forEach((cell, c) => {
        const [value, note] = [csv[1 + 2 * c], csv[2 + 2 * c]];
        expect(`${value}${note}`).toBe(cell.textContent);
        if (note === 'Nascosto per la privacy') expect(value).toBe('');
      });
    });
    expect(rows.find((r) => r[0] === 'Settore Diritto allo Studio')).toEqual([
      'Settore Diritto allo Studio',
      ...['', 'Nascosto per la privacy', '', 'Nascosto per la privacy'],
      '',
      'Nascosto per la privacy',
    ]);
  });

  it('offers no comparison while there is a single campaign', async () => {
    const { apiFetch, server } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    await screen.findByRole('table', { name: /Punteggio medio/ });
    await waitFor(() => expect(server.calls).toContain('GET /api/v1/dashboard/campaigns'));
    expect(screen.queryByRole('combobox', { name: 'Confronta con' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says so when the person may not see the dashboard', async () => {
    const { apiFetch } = fakeServer({ me: giulia, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Non hai i permessi per vedere questa sezione.',
    );
  });
});
