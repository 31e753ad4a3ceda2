import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { paymentsLab, trainingLab } from '../../../test/lab-fixtures';
import type { ChannelTabSetting, TabConfig } from '../../teams/teams-context';
import { ChannelTabConfig } from './ChannelTabConfig';

/** teams-js pages.config as the configuration page sees it. */
function fakeTabConfig() {
  const valid: boolean[] = [];
  let save: (() => Promise<ChannelTabSetting>) | null = null;
  const config: TabConfig = {
    channel: { teamId: '19:team@thread.tacv2', channelId: '19:lab@thread.tacv2' },
    setValid: (v) => valid.push(v),
    onSave: (handler) => (save = handler),
  };
  return { config, valid, save: () => save!() };
}

describe("the channel tab's configuration page", () => {
  it('enables Save once a lead picks a lab, links it to the channel, and opens its board', async () => {
    const teams = fakeTabConfig();
    const { server, apiFetch } = fakeServer({
      me: sara,
      labs: [paymentsLab(), trainingLab()],
      knownTeams: [
        {
          teamId: '19:team@thread.tacv2',
          name: 'Innovazione',
          channels: [{ channelId: '19:lab@thread.tacv2', name: 'Pagamenti' }],
        },
      ],
    });
    renderWithTeams(<ChannelTabConfig />, fakeTeams(apiFetch, { tabConfig: teams.config }));

    const lab = await screen.findByRole('radio', { name: /^PagoPA allo sportello/ });
    expect(screen.queryByRole('radio', { name: /^Formazione digitale/ })).not.toBeInTheDocument();
    expect(teams.valid).toEqual([false]);
    await userEvent.click(lab);
    expect(teams.valid).toEqual([false, true]);
    expect(
      screen.getByRole('checkbox', {
        name: 'Pubblica anche gli aggiornamenti del laboratorio in questo canale',
      }),
    ).toBeChecked();

    const setting = await teams.save();
    expect(setting).toEqual({
      entityId: 'lab-lab-pay',
      contentUrl: 'http://localhost/tab/?lab=lab-pay',
      websiteUrl: 'http://localhost/tab/?lab=lab-pay',
      suggestedDisplayName: 'PagoPA allo sportello',
    });
    expect(server.bodies).toContainEqual({
      call: 'PUT /api/v1/labs/lab-pay/channel',
      body: { teamId: '19:team@thread.tacv2', channelId: '19:lab@thread.tacv2' },
    });
    expect(server.calls[0]).toBe('GET /api/v1/labs?mine=lead');
  });

  it('outside Teams, links to the chosen lab by its URL', async () => {
    const { apiFetch } = fakeServer({ me: sara, labs: [paymentsLab()] });
    renderWithTeams(<ChannelTabConfig />, fakeTeams(apiFetch, { host: 'browser' }));
    await userEvent.click(await screen.findByRole('radio', { name: /^PagoPA allo sportello/ }));
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: 'Apri la bacheca di «PagoPA allo sportello»' }),
      ).toHaveAttribute('href', '/tab/?lab=lab-pay'),
    );
  });
});
