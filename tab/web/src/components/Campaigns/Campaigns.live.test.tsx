import { act, screen, within } from '@testing-library/react';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { campaignStatus, sara } from '../../../test/fixtures';
import { Campaigns } from './Campaigns';
import { LIST_POLL_MS } from './use-campaign-list';

// Fake timers in a file of their own (see CampaignDetail.live.test.tsx).
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const shown = campaignStatus({ state: 'completed', progress: 1, etaSeconds: null });
const other = campaignStatus({
  id: 'c20260301t090000d4e5f6',
  state: 'preparing',
  createdAt: '2026-03-01T09:00:00.000Z',
  notBefore: '2026-03-01T09:00:00.000Z',
});

const stateOf = (date: RegExp) => {
  const table = screen.getByRole('table', { name: 'Campagne, dalla più recente' });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => date.test(r.textContent ?? ''));
  return within(row!).getAllByRole('cell').at(-1)?.textContent;
};

describe('campaign list, live', () => {
  it('follows the server by itself while a campaign is unfinished, then stops reading', async () => {
    const fake = fakeServer({ me: sara, campaigns: [shown, other] });
    renderWithTeams(<Campaigns />, fakeTeams(fake.apiFetch));
    const lists = () =>
      fake.server.calls.filter((c) => c === 'GET /api/v1/campaigns?kind=assessment&kind=reminder');
    await screen.findByRole('table', { name: 'Campagne, dalla più recente' });
    expect(stateOf(/1 mar 2026/)).toBe('In preparazione');

    fake.server.campaigns[1] = { ...other, state: 'completed', progress: 1 };
    await act(() => jest.advanceTimersByTimeAsync(LIST_POLL_MS));

    expect(stateOf(/1 mar 2026/)).toBe('Conclusa');
    expect(lists()).toHaveLength(2);
    await act(() => jest.advanceTimersByTimeAsync(LIST_POLL_MS * 5));
    expect(lists()).toHaveLength(2);
  });
});
