import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { numberOf, readExport } from '../../../test/csv';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import {
  comparedHeatmap,
  dashboardCampaigns,
  earlierCampaign,
  heatmap,
  marco,
} from '../../../test/fixtures';
import { Dashboard } from './Dashboard';

afterEach(() => jest.restoreAllMocks());

const EARLIER = 'Digital Mindset: autovalutazione, 12 marzo 2025';
const CURRENT = 'Digital Mindset: autovalutazione, 10 marzo 2026';

function renderDashboard(locale: 'it-IT' | 'en-US' = 'it-IT') {
  const { apiFetch, server } = fakeServer({
    me: marco,
    heatmap,
    dashboardCampaigns,
    heatmaps: {
      [`|${earlierCampaign.id}`]: comparedHeatmap,
      [`${earlierCampaign.id}|`]: { ...heatmap, campaign: earlierCampaign },
    },
  });
  renderWithTeams(<Dashboard />, fakeTeams(apiFetch, { locale }));
  return server;
}

/** The words of each cell, as shown and as read (the spans that hold text). */
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) =>
      [...cell.querySelectorAll('span')]
        .filter((span) => span.children.length === 0 && span.textContent)
        .map((span) => span.textContent ?? ''),
    );

async function compareWithEarlier() {
  const user = userEvent.setup();
  const picker = await screen.findByRole('combobox', { name: 'Confronta con' });
  expect(picker).toHaveDisplayValue('Nessun confronto');
  await user.selectOptions(picker, EARLIER);
  return screen.findByRole('table', { name: /Punteggio medio/ });
}

describe('dashboard comparison', () => {
  it('shows each difference beside the mean, read out in words, and why one is missing', async () => {
    const server = renderDashboard();
    expect(await screen.findByRole('combobox', { name: 'Rilevazione' })).toHaveDisplayValue(
      CURRENT,
    );
    const table = await compareWithEarlier();
    expect(server.calls).toContain(
      `GET /api/v1/dashboard/heatmap?depth=1&compare=${earlierCampaign.id}`,
    );

    const infanzia = within(table).getByRole('row', { name: /Settore Servizi per l'Infanzia/ });
    expect(cellTexts(infanzia)).toEqual([
      ['12', 'su 15 (80%)'],
      [
        '78,4',
        'Avanzato',
        'B 25% · I 25% · A 50%',
        'Per livello: Base 25%, Intermedio 25%, Avanzato 50%',
        '↑ +4,2',
      ],
      ['61,0', 'Intermedio', '↓ −3,0'],
    ]);
    expect(
      within(infanzia).getByRole('img', {
        name: `Punteggio più alto di 4,2 rispetto a «${EARLIER}»`,
      }),
    ).toHaveTextContent('↑ +4,2');
    expect(
      within(infanzia).getByRole('img', {
        name: `Punteggio più basso di 3,0 rispetto a «${EARLIER}»`,
      }),
    ).toBeInTheDocument();
    const scuole = within(table).getByRole('row', { name: /Settore Scuole/ });
    // Why there is no difference, and where: hidden in the earlier round, or no answers there.
    expect(cellTexts(scuole)).toEqual([
      ['9'],
      ['49,6', 'Base', `Nascosto per la privacy in «${EARLIER}»`],
      ['42,2', 'Base', `Nessuna risposta di questa struttura in «${EARLIER}»`],
    ]);
    // The organisation and the area are compared too, above the settori.
    const [organisation, area] = within(table).getAllByRole('row').slice(1, 3);
    expect(cellTexts(organisation!)).toEqual([
      ['412', 'su 500 (82%)'],
      ['66,1', 'Intermedio', '↑ +2,1'],
      ['58,0', 'Intermedio', '↓ −6,0'],
    ]);
    expect(within(area!).getByRole('rowheader')).toHaveTextContent(
      'Area Educazione, Istruzione e Nuove Generazioni nel complesso',
    );
    const hiddenRow = within(table).getByRole('row', { name: /Settore Diritto allo Studio/ });
    expect(within(hiddenRow).queryByRole('img')).not.toBeInTheDocument();
    expect(
      screen.getByText(`Sotto ogni media, la differenza in punti rispetto a «${EARLIER}».`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/almeno 6 persone: la soglia fissata al suo avvio/),
    ).toBeInTheDocument();
  });

  it('goes back to no comparison, and offers only the other campaigns to compare with', async () => {
    const server = renderDashboard();
    await compareWithEarlier();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Confronta con' }), [
      'Nessun confronto',
    ]);
    const table = await screen.findByRole('table', { name: /Punteggio medio/ });
    expect(within(table).queryByRole('img')).not.toBeInTheDocument();

    // Showing the campaign it is compared with drops the comparison.
    await compareWithEarlier();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rilevazione' }), EARLIER);
    expect(await screen.findByText(/almeno 6 persone\. Per lo stesso motivo/)).toBeInTheDocument();
    expect(server.calls.filter((c) => c.includes('/heatmap')).at(-1)).toBe(
      `GET /api/v1/dashboard/heatmap?depth=1&campaign=${earlierCampaign.id}`,
    );
    const compare = screen.getByRole('combobox', { name: 'Confronta con' });
    expect(compare).toHaveDisplayValue('Nessun confronto');
    expect(
      within(compare)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Nessun confronto', CURRENT]);
  });

  it('is reached with the keyboard and keeps the focus while the screen reloads', async () => {
    renderDashboard();
    const user = userEvent.setup();
    const campaign = await screen.findByRole('combobox', { name: 'Rilevazione' });
    await user.tab();
    expect(campaign).toHaveFocus();
    await user.tab();
    const compare = screen.getByRole('combobox', { name: 'Confronta con' });
    expect(compare).toHaveFocus();
    await user.selectOptions(compare, EARLIER);
    expect(
      await screen.findByRole('img', { name: /^Punteggio più alto di 4,2/ }),
    ).toBeInTheDocument();
    expect(compare).toHaveFocus();
  });

  it('exports the comparison columns as on screen, differences as signed numbers', async () => {
    const downloads = captureDownloads();
    renderDashboard();
    const table = await compareWithEarlier();

    await userEvent.click(screen.getByRole('button', { name: 'Esporta CSV' }));

    const [file] = await downloads.files();
    const { about, table: csv } = readExport(file?.text ?? '', ';');
    expect(about[1]).toEqual(['Confrontata con', EARLIER]);
    const [header, ...rows] = csv;
    expect(header?.slice(3, 7)).toEqual([
      'Competenze digitali - media',
      'Competenze digitali - nota',
      `Competenze digitali - differenza rispetto a ${EARLIER}`,
      'Competenze digitali - nota del confronto',
    ]);
    const screenRows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(screenRows.length);
    screenRows.forEach((row, i) => {
      const fields = rows[i]!;
      expect(fields[0]).toBe(within(row).getByRole('rowheader').textContent);
      const [, ...dimensions] = within(row).getAllByRole('cell');
      dimensions.forEach((cell, d) => {
        const [, , change, changeNote] = fields.slice(3 + 4 * d, 7 + 4 * d);
        const shown = within(cell).queryByRole('img')?.textContent;
        if (shown) {
          const onScreen = Number(
            shown
              .replace(/^[↑↓=] /, '')
              .replace('\u2212', '-')
              .replace(',', '.'),
          );
          expect(numberOf(change, ',')).toBe(onScreen);
        } else {
          expect(change).toBe('');
          expect(cell.textContent).toContain(changeNote);
        }
      });
      expect(fields).toHaveLength(3 + 4 * dimensions.length);
    });
    expect(rows.find((r) => r[0] === "Settore Servizi per l'Infanzia")).toEqual([
      "Settore Servizi per l'Infanzia",
      ...['12', 'su 15 (80%)'],
      ...['78,4', 'Avanzato', '4,2', ''],
      ...['61', 'Intermedio', '-3', ''],
    ]);
  });

  it('reads the differences in English too', async () => {
    renderDashboard('en-US');
    const user = userEvent.setup();
    const earlier = 'Digital Mindset: self-assessment, March 12, 2025';
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Compare with' }),
      earlier,
    );
    const table = await screen.findByRole('table', { name: /Mean score/ });
    expect(
      within(table).getByRole('img', { name: `Score 4.2 higher than in "${earlier}"` }),
    ).toHaveTextContent('↑ +4.2');
    expect(within(table).getByText(`Hidden for privacy in "${earlier}"`)).toBeInTheDocument();
  });
});
