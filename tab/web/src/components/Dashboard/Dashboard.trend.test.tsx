import { screen, within } from '@testing-library/react';
import type { HeatmapCell, Trend } from '../../api/types';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { currentCampaign, earlierCampaign, heatmap, marco } from '../../../test/fixtures';
import { Dashboard } from './Dashboard';

const AREA = marco.orgUnitPath![0]!;
const OLDEST = { ...earlierCampaign, id: 'digital-mindset-2024', lockedAt: '2024-03-11T09:00:00Z' };

const total = (cell: Partial<HeatmapCell>): HeatmapCell => ({
  orgUnitPath: [AREA],
  hidden: false,
  count: 30,
  mean: null,
  bands: null,
  direct: false,
  opens: false,
  ...cell,
});
const hidden = total({ hidden: true, count: null });

/** Three rounds of Marco's area: the oldest asked one dimension, the middle one is hidden. */
const trend: Trend = {
  scope: [AREA],
  root: [AREA],
  dimensions: heatmap.dimensions.map(({ id, name }) => ({ id, name })),
  rounds: [
    {
      campaign: OLDEST,
      publishedAt: null,
      participants: total({ count: 20, participation: { headcount: 40, rate: 0.5 } }),
      dimensions: [total({ mean: 52 }), null],
    },
    {
      campaign: earlierCampaign,
      publishedAt: null,
      participants: hidden,
      dimensions: [
        { ...hidden, comparison: { mean: null, delta: null, reason: 'hidden' } },
        { ...hidden, comparison: { mean: null, delta: null, reason: 'hidden' } },
      ],
    },
    {
      campaign: currentCampaign,
      publishedAt: '2026-11-20T10:30:00.000Z',
      participants: total({ count: 31, participation: { headcount: 40, rate: 0.775 } }),
      dimensions: [
        total({ mean: 70.2, comparison: { mean: null, delta: null, reason: 'hiddenThere' } }),
        total({ mean: 55.5, comparison: { mean: null, delta: null, reason: 'hiddenThere' } }),
      ],
    },
  ],
};

describe('dashboard trend', () => {
  it('follows the opened unit over every round, saying why a round has no figure', async () => {
    const { apiFetch, server } = fakeServer({ me: marco, heatmap, trend });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    const table = await screen.findByRole('table', { name: /^Punteggio medio di .* in ogni/ });
    expect(server.calls).toContain(
      `GET /api/v1/dashboard/trend?${new URLSearchParams([['unit', AREA]]).toString()}`,
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['20su 40 (50%)', '52,0Intermedio', 'Non rilevata'],
      ['Nascosto per la privacy', 'Nascosto per la privacy', 'Nascosto per la privacy'],
      [
        '31su 40 (78%)',
        `70,2Intermedio${'Nascosto per la privacy in «Digital Mindset: autovalutazione, 12 marzo 2025»'}`,
        `55,5Intermedio${'Nascosto per la privacy in «Digital Mindset: autovalutazione, 12 marzo 2025»'}`,
      ],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('11 marzo 2024');
  });

  it('gives each difference a direction, in arrows and in words', async () => {
    const compared: Trend = {
      ...trend,
      rounds: [
        trend.rounds[0]!,
        {
          ...trend.rounds[2]!,
          dimensions: [
            total({ mean: 48.5, comparison: { mean: 52, delta: -3.5, reason: null } }),
            total({ mean: 60, comparison: { mean: null, delta: null, reason: 'notAsked' } }),
          ],
        },
      ],
    };
    const { apiFetch } = fakeServer({ me: marco, heatmap, trend: compared });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    const table = await screen.findByRole('table', { name: /^Punteggio medio di .* in ogni/ });
    const down = within(table).getByRole('img', {
      name: /^Punteggio più basso di 3,5 rispetto a «/,
    });
    expect(down).toHaveTextContent('↓ −3,5');
    expect(
      within(table).getByText(/^Dimensione non rilevata in «Digital Mindset: autovalutazione, 11/),
    ).toBeInTheDocument();
  });
});
