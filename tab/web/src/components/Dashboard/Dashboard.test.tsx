import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { numberOf, readExport } from '../../../test/csv';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, heatmap, marco } from '../../../test/fixtures';
import { Dashboard } from './Dashboard';

afterEach(() => jest.restoreAllMocks());

/** The words of each cell, as shown and as read (the spans that hold text). */
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) =>
      [...cell.querySelectorAll('span')]
        .filter((span) => span.children.length === 0 && span.textContent)
        .map((span) => span.textContent ?? ''),
    );

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
    // How many answered of how many the directory lists, and how the people spread over the
    // levels, in words as well as drawn.
    expect(cellTexts(infanzia)).toEqual([
      ['12', 'su 15 (80%)'],
      [
        '78,4',
        'Avanzato',
        'B 25% · I 25% · A 50%',
        'Per livello: Base 25%, Intermedio 25%, Avanzato 50%',
      ],
      ['61,0', 'Intermedio'],
    ]);
    expect(screen.getByRole('heading', { name: 'Profilo digitale per struttura' })).toBeVisible();
    // The whole organisation and the area as a whole come first, to compare each settore with.
    const rowHeaders = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rowHeaders.slice(0, 3)).toEqual([
      "Tutta l'organizzazione",
      'Area Educazione, Istruzione e Nuove Generazioni nel complesso',
      'Area Educazione, Istruzione e Nuove Generazioni (personale diretto)',
    ]);
    const organisation = within(table).getByRole('row', { name: /^Tutta l'organizzazione/ });
    expect(cellTexts(organisation)[0]).toEqual(['412', 'su 500 (82%)']);
    // A hidden unit has no rate, and no headcount beside it.
    const hidden = within(table).getByRole('row', { name: /Settore Diritto allo Studio/ });
    expect(within(hidden).queryByText(/^su /)).not.toBeInTheDocument();

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

  it('names a unit’s own staff as the API marks it, even with no sub-unit shown beside it', async () => {
    const own = (units: typeof heatmap.participants.units) => units.filter((cell) => cell.direct);
    const onlyOwnStaff = {
      ...heatmap,
      participants: { ...heatmap.participants, units: own(heatmap.participants.units) },
      dimensions: heatmap.dimensions.map((d) => ({ ...d, units: own(d.units) })),
    };
    const { apiFetch } = fakeServer({ me: marco, heatmap: onlyOwnStaff });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    const table = await screen.findByRole('table', { name: /Punteggio medio/ });
    expect(
      within(table).getByRole('row', {
        name: /Area Educazione, Istruzione e Nuove Generazioni \(personale diretto\)/,
      }),
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

  it('exports a file Italian Excel opens as columns and numbers, with what it is of', async () => {
    const downloads = captureDownloads();
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));
    const table = await screen.findByRole('table', { name: /Punteggio medio/ });

    await userEvent.click(screen.getByRole('button', { name: 'Esporta CSV' }));

    const [file] = await downloads.files();
    expect(file?.name).toMatch(
      /^oibo-cruscotto_digital-mindset-v1_area-educazione-istruzione-e-nuove-generazioni_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const { about, table: csv } = readExport(file?.text ?? '', ';');
    expect(about.slice(0, 4)).toEqual([
      ['Rilevazione', 'Digital Mindset: autovalutazione, 10 marzo 2026'],
      ['Ambito', 'Area Educazione, Istruzione e Nuove Generazioni'],
      ['Soglia di privacy (persone per gruppo)', '5'],
      ['Dati pubblicati il', expect.stringMatching(/^20 nov 2026/)],
    ]);
    expect(about[4]).toEqual(['Esportato il', expect.stringMatching(/\d{4}, \d{2}:\d{2}$/)]);
    const [header, ...rows] = csv;
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
      const fields = rows[i]!;
      expect(fields[0]).toBe(within(row).getByRole('rowheader').textContent);
      within(row)
        .getAllByRole('cell')
        .forEach((cell, c) => {
          const [value, note] = [fields[1 + 2 * c], fields[2 + 2 * c]];
          const [shown, words = ''] = [...cell.querySelectorAll('span')].map((s) => s.textContent);
          if (cell.textContent === 'Nascosto per la privacy') {
            expect([value, note]).toEqual(['', 'Nascosto per la privacy']);
          } else {
            expect(numberOf(value, ',')).toBe(numberOf(shown?.replace(/,0$/, ''), ','));
            expect(note).toBe(words);
          }
        });
    });
    expect(rows.find((r) => r[0] === "Settore Servizi per l'Infanzia")).toEqual([
      "Settore Servizi per l'Infanzia",
      ...['12', 'su 15 (80%)'],
      ...['78,4', 'Avanzato'],
      ...['61', 'Intermedio'],
    ]);
  });

  it('exports for English Excel with commas between fields and decimal points', async () => {
    const downloads = captureDownloads();
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch, { locale: 'en-US' }));
    await screen.findByRole('table', { name: /Mean score/ });

    await userEvent.click(screen.getByRole('button', { name: /Export/ }));

    const [file] = await downloads.files();
    expect(file?.name).toMatch(/^oibo-dashboard_digital-mindset-v1_area-educazione/);
    const { about, table } = readExport(file?.text ?? '', ',');
    expect(about[2]).toEqual(['Privacy threshold (people per group)', '5']);
    const scuole = table.find((r) => r[0] === 'Settore Scuole');
    expect([numberOf(scuole?.[3], '.'), numberOf(scuole?.[5], '.')]).toEqual([49.6, 42.2]);
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
