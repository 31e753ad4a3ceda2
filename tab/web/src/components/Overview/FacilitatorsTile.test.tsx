import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderOverview, rowsOf, tile } from '../../../test/overview';
import { marco } from '../../../test/fixtures';

describe('the overview: facilitators', () => {
  it('shows coverage against the target and training hours, hidden hours in words', async () => {
    const { opened } = await renderOverview();
    const facilitators = tile('Facilitatori digitali');

    expect(
      within(facilitators).getByText('Facilitatrici e facilitatori: 6 su un obiettivo di 8 (75%)'),
    ).toBeInTheDocument();
    expect(
      within(facilitators).getByText('Ore di formazione: 96 su 144 previste (67%)'),
    ).toBeInTheDocument();
    const table = within(facilitators).getByRole('table', {
      name: 'Facilitatori e formazione per struttura',
    });
    expect(rowsOf(table)).toEqual([
      ['Area Educazione, Istruzione e Nuove Generazioni', '300', '5', '6', '83%', '80', '120'],
      ['Area Sport', '80', '1', '2', '50%', 'Nascosto per la privacy', 'Nascosto per la privacy'],
      ['Totale', '400', '6', '8', '75%', '96', '144'],
    ]);
    const chart = within(facilitators).getByRole('figure', { name: /^Grafico: Facilitatori/ });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(2));

    await userEvent.click(within(facilitators).getByRole('button', { name: 'Apri Facilitatori' }));
    expect(opened).toEqual(['facilitators']);
  });

  it('offers a manager no link to a screen only admins open', async () => {
    await renderOverview(undefined, {
      me: marco,
      links: ['dashboard', 'surveys', 'labs', 'ideas'],
    });
    expect(screen.queryByRole('button', { name: 'Apri Facilitatori' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Apri Laboratori' })).toBeInTheDocument();
  });
});
