import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../../test/downloads';
import { renderOverview, rowsOf, tile } from '../../../test/overview';
import { overview } from '../../../test/overview-fixtures';

describe('the overview: participation', () => {
  it('shows responses against the people invited per unit, hidden units in words, never as zero', async () => {
    await renderOverview();
    const participation = tile('Partecipazione');

    expect(
      within(participation).getByText('Risposte pubblicate: 180 su 400 (45%)'),
    ).toBeInTheDocument();
    const units = within(participation).getByRole('table', {
      name: 'Partecipazione per struttura',
    });
    expect(rowsOf(units)).toEqual([
      ['Area Educazione, Istruzione e Nuove Generazioni', '300', '150', '50%'],
      [
        'Area Sport',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
      ],
      [
        'Area Piccola',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
      ],
      ['Totale', '400', '180', '45%'],
    ]);
    // One bar for the one visible unit: a hidden unit has no bar rather than a bar of 0.
    const chart = within(participation).getByRole('figure', {
      name: /^Grafico: Partecipazione per struttura/,
    });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(1));
    expect(chart.querySelector('rect[role="option"]')).toHaveAttribute('tabindex', '0');
    expect(screen.getByText(/meno di 5 persone/)).toBeInTheDocument();
  });

  it('shows the weeks and the surveys’ response rates', async () => {
    await renderOverview();
    const participation = tile('Partecipazione');

    const weeks = within(participation).getByRole('table', {
      name: 'Risposte pubblicate settimana per settimana',
    });
    expect(
      within(weeks)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Struttura', 'Settimana dal 9 nov 2026', 'Settimana dal 16 nov 2026']);
    expect(rowsOf(weeks)[0]).toEqual([
      'Area Educazione, Istruzione e Nuove Generazioni',
      '80',
      '150',
    ]);
    expect(rowsOf(weeks)[1]).toEqual([
      'Area Sport',
      'Nascosto per la privacy',
      'Nascosto per la privacy',
    ]);
    expect(rowsOf(weeks).at(-1)).toEqual(['Totale', '90', '180']);

    const surveys = within(participation).getByRole('table', {
      name: 'Tasso di risposta ai sondaggi',
    });
    expect(rowsOf(surveys)).toEqual([
      ['La comunicazione del programma', 'Aperto', '42', '120', '35%'],
      [
        'Il lavoro agile',
        'Chiuso',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
      ],
    ]);
  });

  it("names a unit's own staff apart from its sub-units", async () => {
    const data = overview();
    const [first, ...rest] = data.participation.units;
    await renderOverview({
      ...data,
      participation: { ...data.participation, units: [{ ...first!, direct: true }, ...rest] },
    });
    const units = within(tile('Partecipazione')).getByRole('table', {
      name: 'Partecipazione per struttura',
    });
    expect(rowsOf(units)[0]![0]).toBe(
      'Area Educazione, Istruzione e Nuove Generazioni (personale diretto)',
    );
  });

  it('says when no round has visible results yet', async () => {
    const data = overview();
    await renderOverview({
      ...data,
      participation: { ...data.participation, campaign: null, weeks: [], surveys: [] },
    });
    const participation = tile('Partecipazione');
    expect(
      within(participation).getByText('Non ci sono ancora rilevazioni con risultati visibili.'),
    ).toBeInTheDocument();
    expect(
      within(participation).getByText('Non ci sono ancora sondaggi avviati.'),
    ).toBeInTheDocument();
    expect(within(participation).queryByRole('table')).toBeNull();
    expect(within(participation).queryByRole('button', { name: /CSV/ })).toBeNull();
  });

  it('downloads each table as CSV from the server, and opens the dashboard and the surveys', async () => {
    const downloads = captureDownloads();
    const { server, opened } = await renderOverview();
    const participation = tile('Partecipazione');

    await userEvent.click(
      within(participation).getByRole('button', {
        name: 'Scarica CSV: Risposte pubblicate settimana per settimana',
      }),
    );
    await waitFor(async () => expect(await downloads.files()).toHaveLength(1));
    const [file] = await downloads.files();
    expect(file).toEqual({ name: 'oibo-panoramica_weeks.csv', text: 'Riquadro;weeks\r\n' });
    expect(server.calls).toContain('GET /api/v1/overview.csv?tile=weeks');

    await userEvent.click(within(participation).getByRole('button', { name: 'Apri il cruscotto' }));
    await userEvent.click(within(participation).getByRole('button', { name: 'Apri i sondaggi' }));
    expect(opened).toEqual(['dashboard', 'surveys']);
  });
});
