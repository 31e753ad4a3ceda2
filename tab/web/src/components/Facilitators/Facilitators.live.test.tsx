import { act, screen, within } from '@testing-library/react';
import { openRound } from '../../../test/facilitator-fixtures';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { Facilitators } from './Facilitators';
import { PREPARING_POLL_MS } from './RoundView';

// Fake timers in a file of their own, as CampaignDetail.live.test.tsx explains.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const preparing = (done: number, total: number) =>
  openRound({ status: 'preparing', progress: { done, total }, candidates: [], coverage: [] });

describe('the Facilitatori screen, while a round is preparing', () => {
  it('shows its progress, reads it again every 2 s, then its shortlist once ready', async () => {
    const fake = fakeServer({ me: sara, rounds: [preparing(0, 0)] });
    renderWithTeams(<Facilitators />, fakeTeams(fake.apiFetch));
    const reads = () => fake.server.calls.filter((c) => c === 'GET /api/v1/facilitator-rounds/r1');

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      'In preparazione: lettura delle persone che hanno dato il consenso.',
    );
    expect(
      within(status).getByRole('progressbar', { name: 'Preparazione del turno' }),
    ).not.toHaveAttribute('aria-valuenow');
    const list = screen.getByRole('table', { name: 'Turni di selezione, dal più recente' });
    expect(within(list).getByText('In preparazione')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Invita/ })).not.toBeInTheDocument();

    fake.server.rounds[0] = preparing(3, 12);
    await act(() => jest.advanceTimersByTimeAsync(PREPARING_POLL_MS));
    expect(reads()).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent(
      "In preparazione: 25% dell'elenco delle persone candidate.",
    );

    fake.server.rounds[0] = openRound();
    await act(() => jest.advanceTimersByTimeAsync(PREPARING_POLL_MS));
    expect(
      await screen.findByRole('table', { name: 'Persone candidate: 4 su 4' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Turni di selezione, dal più recente' })).getByText(
        'Da invitare',
      ),
    ).toBeInTheDocument();

    await act(() => jest.advanceTimersByTimeAsync(PREPARING_POLL_MS * 5));
    expect(reads()).toHaveLength(3);
  });
});
