import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../../test/downloads';
import { renderOverview, rowsOf, tile } from '../../../test/overview';

describe('the overview: ideas', () => {
  it('shows the funnel by status, the areas, the most voted and the implemented', async () => {
    await renderOverview();
    const ideas = tile('Idee');

    expect(within(ideas).getByText('Idee: 30 · realizzate: 3')).toBeInTheDocument();
    expect(rowsOf(within(ideas).getByRole('table', { name: 'Idee per stato' }))).toEqual([
      ['Proposta', '12'],
      ['In valutazione', '8'],
      ['Accolta', '5'],
      ['Realizzata', '3'],
      ['Non realizzabile', '2'],
      ['Fuori ambito', '0'],
    ]);
    expect(rowsOf(within(ideas).getByRole('table', { name: 'Idee per area e stato' }))[1]).toEqual([
      'Area Sport',
      '10',
      '4',
      '2',
      '2',
      '1',
      '1',
      '0',
    ]);
    const top = within(ideas).getByRole('list', { name: 'Le idee più votate' });
    expect(
      within(top)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Prenotare le palestre online Voti: 41 · Accolta · Area Sport',
      'Firma digitale per i permessi Voti: 17 · Realizzata · Area Educazione, Istruzione e Nuove Generazioni',
    ]);
    const chart = within(ideas).getByRole('figure', { name: /^Grafico: Idee per stato/ });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(6));
  });

  it('downloads its table and opens the ideas', async () => {
    const downloads = captureDownloads();
    const { server, opened } = await renderOverview();
    const ideas = tile('Idee');

    await userEvent.click(
      within(ideas).getByRole('button', { name: 'Scarica CSV: Idee per area e stato' }),
    );
    await waitFor(async () => expect(await downloads.files()).toHaveLength(1));
    expect(server.calls).toContain('GET /api/v1/overview.csv?tile=ideas');
    await userEvent.click(within(ideas).getByRole('button', { name: 'Apri Idee' }));
    expect(opened).toEqual(['ideas']);
  });
});
