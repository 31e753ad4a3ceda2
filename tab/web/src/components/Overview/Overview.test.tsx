import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { renderOverview } from '../../../test/overview';
import { overview } from '../../../test/overview-fixtures';
import { Overview } from './Overview';

describe('the overview', () => {
  it('reads every tile from one request, and says its scope and freshness', async () => {
    const { server } = await renderOverview();

    expect(server.calls).toEqual(['GET /api/v1/overview']);
    expect(screen.getByText("Ambito: tutta l'organizzazione")).toBeInTheDocument();
    expect(screen.getByText(/^Dati aggiornati il 20 nov 2026, \d\d:\d\d\.$/)).toBeInTheDocument();
    expect(
      screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent),
    ).toEqual([
      'Partecipazione',
      'Punti di forza e aree di crescita',
      'Facilitatori digitali',
      'Laboratori',
      'Idee',
    ]);
  });

  it("names a manager's subtree as the scope", async () => {
    await renderOverview(overview({ scope: ['Area Educazione, Istruzione e Nuove Generazioni'] }));
    expect(
      screen.getByText('Ambito: Area Educazione, Istruzione e Nuove Generazioni'),
    ).toBeInTheDocument();
  });

  it('prints the report with the browser', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    await renderOverview();
    await userEvent.click(screen.getByRole('button', { name: 'Stampa il report' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal and no figures to someone the server refuses', async () => {
    const fake = fakeServer({ me: giulia, overview: overview() });
    renderWithTeams(<Overview links={[]} onOpen={() => undefined} />, fakeTeams(fake.apiFetch));
    expect(
      await screen.findByText('Non hai i permessi per vedere questa sezione.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks English', async () => {
    const fake = fakeServer({ me: { ...sara, locale: 'en-US' }, overview: overview() });
    renderWithTeams(
      <Overview links={[]} onOpen={() => undefined} />,
      fakeTeams(fake.apiFetch, { locale: 'en-US' }),
    );
    expect(await screen.findByRole('heading', { name: 'Programme overview' })).toBeInTheDocument();
    expect(await screen.findByText('Published responses: 180 of 400 (45%)')).toBeInTheDocument();
    expect(screen.getAllByText('Hidden for privacy').length).toBeGreaterThan(0);
  });
});
