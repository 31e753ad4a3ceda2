import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams } from '../../../test/fake-teams';
import { campaignStatus, giulia, heatmap, marco, sara } from '../../../test/fixtures';
import { TeamsContext, type TeamsSeam } from '../../teams/teams-context';
import { demoPersonas } from '../../teams/demo-personas';
import { overview } from '../../../test/overview-fixtures';
import { App } from '../App/App';

const renderApp = (seam: TeamsSeam) =>
  render(
    <TeamsContext.Provider value={seam}>
      <App />
    </TeamsContext.Provider>,
  );

describe('navigation', () => {
  it('shows an employee My results, the labs, the ideas, the logo contest and the facilitators’ space', async () => {
    const { apiFetch, server } = fakeServer({ me: giulia });
    renderApp(fakeTeams(apiFetch));

    const nav = await screen.findByRole('tablist', { name: 'Sezioni di óiBO' });
    const tabs = within(nav).getAllByRole('tab');
    expect(tabs).toHaveLength(5);
    ['I miei risultati', 'Laboratori', 'Idee', 'Concorso logo', 'Spazio facilitatori'].forEach(
      (name, i) => expect(tabs[i]).toHaveAccessibleName(name),
    );
    expect(screen.queryByRole('tab', { name: 'Cruscotto' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Panoramica' })).not.toBeInTheDocument();
    expect(server.calls.some((call) => /\/(dashboard|overview)/.test(call))).toBe(false);
  });

  it("opens at «I tuoi dati» when the bot's link asks for it, and nowhere in particular otherwise", async () => {
    const { apiFetch } = fakeServer({ me: sara, heatmap });
    renderApp(fakeTeams(apiFetch, { openedAt: 'my-data' }));

    const myData = await screen.findByRole('region', { name: 'I tuoi dati' });
    await waitFor(() => expect(myData).toHaveFocus());
    expect(screen.getByRole('tab', { name: 'I miei risultati' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    cleanup();

    renderApp(fakeTeams(apiFetch));
    await screen.findByRole('region', { name: 'I tuoi dati' });
    expect(screen.getByRole('region', { name: 'I tuoi dati' })).not.toHaveFocus();
  });

  it('gives a manager the dashboard as a second tab', async () => {
    const { apiFetch } = fakeServer({ me: marco, heatmap });
    renderApp(fakeTeams(apiFetch));

    const dashboard = await screen.findByRole('tab', { name: 'Cruscotto' });
    expect(screen.getByRole('tab', { name: 'I miei risultati' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.click(dashboard);

    expect(await screen.findByRole('table', { name: /Punteggio medio/ })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Cruscotto' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Campagne' })).not.toBeInTheDocument();
    // Managers read the surveys' results of their subtree; they do not build surveys.
    await userEvent.click(screen.getByRole('tab', { name: 'Sondaggi' }));
    const surveys = await screen.findByRole('tabpanel', { name: 'Sondaggi' });
    expect(await within(surveys).findByText('Non ci sono ancora sondaggi.')).toBeInTheDocument();
    expect(within(surveys).queryByRole('heading', { name: 'Nuovo sondaggio' })).toBeNull();
  });

  it('gives an admin who is also a facilitator their path, the surveys, the campaigns and the facilitators', async () => {
    const { apiFetch, server } = fakeServer({ me: sara, heatmap, campaigns: [campaignStatus()] });
    renderApp(fakeTeams(apiFetch));

    const nav = await screen.findByRole('tablist', { name: 'Sezioni di óiBO' });
    const tabs = within(nav).getAllByRole('tab');
    expect(tabs).toHaveLength(11);
    [
      'I miei risultati',
      'Laboratori',
      'Idee',
      'Concorso logo',
      'Spazio facilitatori',
      'Il mio percorso',
      'Panoramica',
      'Cruscotto',
      'Sondaggi',
      'Campagne',
      'Facilitatori',
    ].forEach((name, i) => expect(tabs[i]).toHaveAccessibleName(name));
    expect(
      server.calls.some((call) => /\/(campaigns|facilitator-rounds|surveys|overview)/.test(call)),
    ).toBe(false);

    await userEvent.click(screen.getByRole('tab', { name: 'Campagne' }));

    const panel = await screen.findByRole('tabpanel', { name: 'Campagne' });
    expect(
      await within(panel).findByRole('heading', { name: 'Inviti al questionario e promemoria' }),
    ).toBeInTheDocument();
    expect(
      await within(panel).findByRole('progressbar', { name: "Avanzamento dell'invio" }),
    ).toBeInTheDocument();
  });

  // The overview's charts and then the heat map render in jsdom: slow on a loaded machine.
  it('gives a manager the overview, whose tiles open the screens they may open', async () => {
    const { apiFetch, server } = fakeServer({ me: marco, heatmap, overview: overview() });
    renderApp(fakeTeams(apiFetch));

    await userEvent.click(await screen.findByRole('tab', { name: 'Panoramica' }));
    const panel = await screen.findByRole('tabpanel', { name: 'Panoramica' });
    expect(
      await within(panel).findByRole('heading', { name: 'Panoramica del programma' }),
    ).toBeInTheDocument();
    expect(server.calls.filter((call) => call.includes('/overview'))).toEqual([
      'GET /api/v1/overview',
    ]);
    const participation = await within(panel).findByRole('region', { name: 'Partecipazione' });
    // The facilitators' screen is the programme team's.
    expect(
      within(panel).getByRole('region', { name: 'Facilitatori digitali' }),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Apri Facilitatori' })).toBeNull();
    await userEvent.click(within(participation).getByRole('button', { name: 'Apri il cruscotto' }));
    const dashboard = screen.getByRole('tab', { name: 'Cruscotto' });
    expect(dashboard).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(dashboard).toHaveFocus());
    expect(await screen.findByRole('table', { name: /Punteggio medio/ })).toBeInTheDocument();
  }, 60_000);

  it('shows who is signed in', async () => {
    const { apiFetch } = fakeServer({ me: marco });
    renderApp(fakeTeams(apiFetch));

    expect(
      await screen.findByText('Marco Bianchi · Area Educazione, Istruzione e Nuove Generazioni'),
    ).toBeInTheDocument();
  });

  it('marks the demo identity outside Teams and lets you switch persona', async () => {
    const { apiFetch } = fakeServer({ me: giulia });
    const select = jest.fn();
    renderApp(
      fakeTeams(apiFetch, {
        host: 'browser',
        demo: { personas: demoPersonas, objectId: giulia.objectId, select },
      }),
    );

    expect(await screen.findByRole('region', { name: 'Demo' })).toHaveTextContent(/Modalità demo/);
    const identity = screen.getByRole('combobox', { name: 'Identità demo' });
    expect(identity).toHaveDisplayValue('Giulia Ferri (dipendente)');
    await userEvent.selectOptions(
      identity,
      'Sara Conti (dipendente, facilitazione digitale, gruppo di programma)',
    );
    expect(select).toHaveBeenCalledWith('7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c62');
  });

  it('has no demo switcher inside Teams', async () => {
    const { apiFetch } = fakeServer({ me: giulia });
    renderApp(fakeTeams(apiFetch));

    await screen.findByRole('tablist');
    expect(screen.queryByRole('combobox', { name: 'Identità demo' })).not.toBeInTheDocument();
  });
});

describe('language', () => {
  it("speaks the directory's Italian to a person whose Teams client is in English", async () => {
    const { apiFetch } = fakeServer({ me: giulia });
    const languages: string[] = [];
    const listening: typeof apiFetch = (path, init) => {
      languages.push(`${path} ${new Headers(init?.headers).get('accept-language')}`);
      return apiFetch(path, init);
    };
    renderApp(fakeTeams(listening, { locale: 'en-US' }));

    expect(await screen.findByRole('tab', { name: 'I miei risultati' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('it');
    // The server words results and problems in the same language as the tab.
    await waitFor(() => expect(languages).toContain('/api/v1/me/results it-IT'));
  });

  it("speaks the directory's English to a person whose Teams client is in Italian", async () => {
    const { apiFetch } = fakeServer({ me: { ...giulia, locale: 'en-US' } });
    renderApp(fakeTeams(apiFetch, { locale: 'it-IT' }));

    expect(await screen.findByRole('tab', { name: 'My results' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it("follows the client when the directory has no language, and a demo's ?lang= always", async () => {
    const { apiFetch } = fakeServer({ me: { ...giulia, locale: null } });
    renderApp(fakeTeams(apiFetch, { locale: 'en-US' }));
    expect(await screen.findByRole('tab', { name: 'My results' })).toBeInTheDocument();
    cleanup();

    const demo = fakeServer({ me: giulia });
    renderApp(fakeTeams(demo.apiFetch, { host: 'browser', locale: 'en-US', localeFixed: true }));
    expect(await screen.findByRole('tab', { name: 'My results' })).toBeInTheDocument();
    // The directory's Italian would arrive one render after /me: give it that chance.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.getByRole('tab', { name: 'My results' })).toBeInTheDocument();
  });
});
