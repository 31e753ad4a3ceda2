import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderOverview, rowsOf, tile } from '../../../test/overview';
import { overview } from '../../../test/overview-fixtures';

describe('the overview: labs', () => {
  it('shows each theme’s labs, members, tasks done and overdue, and last update', async () => {
    const { opened } = await renderOverview();
    const labs = tile('Laboratori');

    expect(within(labs).getByText('Laboratori attivi: 1 su 3')).toBeInTheDocument();
    expect(rowsOf(within(labs).getByRole('table', { name: 'Laboratori per tema' }))).toEqual([
      ['Pagamenti elettronici', '2', '1', '14', '9', '2', '18 nov 2026'],
      ['Gestione condivisa delle attività', '1', '0', '5', '0', '0', 'Mai'],
      ['Totale', '3', '1', '19', '9', '2', '18 nov 2026'],
    ]);
    const chart = within(labs).getByRole('figure', { name: /^Grafico: Laboratori attivi/ });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(2));

    await userEvent.click(within(labs).getByRole('button', { name: 'Apri Laboratori' }));
    expect(opened).toEqual(['labs']);
  });

  it('says when there are no labs yet', async () => {
    const data = overview();
    await renderOverview({
      ...data,
      labs: { themes: [], total: { ...data.labs.total, labs: 0, active: 0, members: 0 } },
    });
    const labs = tile('Laboratori');
    expect(within(labs).getByText('Non ci sono ancora laboratori.')).toBeInTheDocument();
    expect(within(labs).queryByRole('button', { name: /CSV/ })).toBeNull();
  });
});
