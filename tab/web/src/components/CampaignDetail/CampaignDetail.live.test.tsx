import { act, screen, waitFor } from '@testing-library/react';
import type { CampaignStatus } from '../../api/types';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { campaignStatus, sara } from '../../../test/fixtures';
import { CampaignDetail } from './CampaignDetail';
import { POLL_MS } from './use-campaign-status';

// Fake timers in a file of their own: Fluent keeps document-wide state across tests, and after a
// test with fake timers the dialogs of later tests in the same file never open.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function renderDetail(status: CampaignStatus) {
  const fake = fakeServer({ me: sara, campaigns: [status] });
  const view = renderWithTeams(
    <CampaignDetail campaign={status} onChange={() => undefined} />,
    fakeTeams(fake.apiFetch),
  );
  const reads = () => fake.server.calls.filter((c) => c === `GET /api/v1/campaigns/${status.id}`);
  return { ...fake, view, reads };
}

describe('campaign detail, live', () => {
  it('reads the status every 2 s while running and stops once completed', async () => {
    const { server, reads } = renderDetail(campaignStatus());
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    expect(reads()).toHaveLength(1);

    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(reads()).toHaveLength(2);

    server.campaigns[0] = campaignStatus({
      state: 'completed',
      progress: 1,
      etaSeconds: null,
      counts: {
        total: 200,
        sent: 170,
        pending: 0,
        failed: 2,
        blocked: 3,
        unreachable: 25,
        alreadyCompleted: 0,
        inDoubt: 0,
      },
    });
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    expect(reads()).toHaveLength(3);
    expect(screen.getByText('Conclusa')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: "Avanzamento dell'invio" })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Conclusa: 100% completato (200 su 200 tra le persone destinatarie).',
    );

    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 10));
    expect(reads()).toHaveLength(3);
  });

  it('reads a paused campaign once', async () => {
    const { reads } = renderDetail(campaignStatus({ state: 'paused' }));
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });

    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 5));
    expect(reads()).toHaveLength(1);
  });

  it('stops reading when it leaves the screen', async () => {
    const { view, reads } = renderDetail(campaignStatus());
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });

    view.unmount();
    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 5));
    expect(reads()).toHaveLength(1);
  });

  it('announces progress to screen readers at a calm pace, not at every read', async () => {
    const { server, reads } = renderDetail(campaignStatus());
    await screen.findByRole('progressbar', { name: "Avanzamento dell'invio" });
    const live = screen.getByRole('status');
    await waitFor(() => expect(live).toHaveTextContent('In corso: 60% completato'));

    for (const sent of [100, 110, 120]) {
      const counts = { ...campaignStatus().counts, sent, pending: 170 - sent };
      server.campaigns[0] = campaignStatus({ counts, progress: (30 + sent) / 200 });
      await act(() => jest.advanceTimersByTimeAsync(POLL_MS));
    }
    expect(reads()).toHaveLength(4);
    expect(live).toHaveTextContent('120 su 200');

    await act(() => jest.advanceTimersByTimeAsync(POLL_MS * 2));
    expect(live).toHaveTextContent(
      'In corso: 75% completato (150 su 200 tra le persone destinatarie).',
    );
  });
});
