import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { paymentsLab } from '../../../test/lab-fixtures';
import { LabPage } from '../LabPage/LabPage';

describe("a lab's people", () => {
  it('lists a former member without a name, and lets a lead approve a request', async () => {
    const { server, apiFetch } = fakeServer({ me: sara, labs: [paymentsLab()] });
    renderWithTeams(<LabPage id="lab-pay" />, fakeTeams(apiFetch));
    await userEvent.click(await screen.findByRole('tab', { name: 'Persone' }));

    const members = screen.getByRole('region', { name: 'Partecipanti: 3' });
    expect(within(members).getByText('ex partecipante')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Accetta la richiesta di Marco Bianchi' }),
    );

    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Partecipanti: 4' })).toHaveTextContent(
        'Marco Bianchi',
      ),
    );
    expect(server.calls).toContain(
      'POST /api/v1/labs/lab-pay/requests/7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c61/approve',
    );
    expect(
      screen.queryByRole('region', { name: 'Richieste di partecipazione' }),
    ).not.toBeInTheDocument();
  });
});
