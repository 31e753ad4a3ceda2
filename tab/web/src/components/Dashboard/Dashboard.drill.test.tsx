import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Heatmap, HeatmapCell } from '../../api/types';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import {
  currentCampaign,
  dashboardCampaigns,
  earlierCampaign,
  heatmap,
  marco,
  sara,
} from '../../../test/fixtures';
import { Dashboard } from './Dashboard';

const AREA = 'Area Educazione, Istruzione e Nuove Generazioni';
const SCUOLE = [AREA, 'Settore Scuole'];
const query = (unit: string[]) =>
  `&${new URLSearchParams(unit.map((u) => ['unit', u])).toString()}`;

const cell = (path: string[], shown: Partial<HeatmapCell>): HeatmapCell => ({
  orgUnitPath: path,
  hidden: true,
  count: null,
  mean: null,
  bands: null,
  direct: false,
  opens: false,
  ...shown,
});

/** Marco's area, where Settore Scuole and the hidden Diritto allo Studio have offices. */
const opening: Heatmap = {
  ...heatmap,
  participants: {
    ...heatmap.participants,
    units: heatmap.participants.units.map((u) => ({
      ...u,
      opens:
        u.orgUnitPath[1] === 'Settore Scuole' || u.orgUnitPath[1] === 'Settore Diritto allo Studio',
    })),
  },
};

/** Settore Scuole opened: one office shown, two hidden (one small, one to protect it). */
const scuole: Heatmap = {
  ...heatmap,
  scope: SCUOLE,
  participants: {
    total: 9,
    totals: [],
    units: [
      cell([...SCUOLE, 'Ufficio Nidi'], { hidden: false, count: 5 }),
      cell([...SCUOLE, 'Ufficio Primarie'], {}),
      cell([...SCUOLE, 'Ufficio Secondarie'], {}),
    ],
  },
  dimensions: heatmap.dimensions.map((d) => ({
    ...d,
    units: [
      cell([...SCUOLE, 'Ufficio Nidi'], { hidden: false, count: 5, mean: 51.5 }),
      cell([...SCUOLE, 'Ufficio Primarie'], {}),
      cell([...SCUOLE, 'Ufficio Secondarie'], {}),
    ],
  })),
};

describe('dashboard drill-down', () => {
  it('lets a manager open a settore of their area with the keyboard, and go back up', async () => {
    const { apiFetch, server } = fakeServer({
      me: marco,
      heatmap: opening,
      heatmaps: { [`||${SCUOLE.join('|')}`]: scuole },
    });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));
    const table = await screen.findByRole('table', { name: /Punteggio medio/ });
    expect(
      within(table)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'Settore Diritto allo Studio: mostra le strutture interne',
      'Settore Scuole: mostra le strutture interne',
    ]);

    const user = userEvent.setup();
    within(table)
      .getByRole('button', { name: /^Settore Scuole/ })
      .focus();
    await user.keyboard('{Enter}');

    const opened = await screen.findByRole('table', { name: /Punteggio medio/ });
    expect(server.calls.filter((c) => c.includes('/heatmap')).at(-1)).toBe(
      `GET /api/v1/dashboard/heatmap?depth=1${query(SCUOLE)}`,
    );
    expect(screen.getByRole('region', { name: /Punteggio medio/ })).toHaveFocus();
    const rows = within(opened).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Ufficio Nidi',
      'Ufficio Primarie',
      'Ufficio Secondarie',
    ]);
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Nascosto per la privacy', 'Nascosto per la privacy', 'Nascosto per la privacy']);
    const levels = screen.getByRole('navigation', { name: 'Livelli della struttura' });
    expect(within(levels).getByRole('button', { name: 'Settore Scuole' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(within(levels).getByRole('button', { name: AREA }));
    expect(await screen.findByRole('button', { name: /^Settore Scuole:/ })).toBeInTheDocument();
    expect(server.calls.filter((c) => c.includes('/heatmap')).at(-1)).toBe(
      'GET /api/v1/dashboard/heatmap?depth=1',
    );
    expect(screen.queryByRole('navigation', { name: 'Livelli della struttura' })).toBeNull();
  });

  it('lets the programme team open an area of the whole organisation', async () => {
    const whole: Heatmap = {
      ...heatmap,
      scope: [],
      root: [],
      participants: {
        total: 31,
        totals: [],
        units: [cell([AREA], { hidden: false, count: 31, opens: true })],
      },
      dimensions: heatmap.dimensions.map((d) => ({
        ...d,
        units: [cell([AREA], { hidden: false, count: 31, mean: 60, opens: true })],
      })),
    };
    const { apiFetch, server } = fakeServer({
      me: sara,
      heatmap: whole,
      heatmaps: { [`||${AREA}`]: { ...opening, root: [] } },
    });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    await userEvent.click(
      await screen.findByRole('button', { name: `${AREA}: mostra le strutture interne` }),
    );

    expect(await screen.findByRole('button', { name: /^Settore Scuole:/ })).toBeInTheDocument();
    expect(server.calls.filter((c) => c.includes('/heatmap')).at(-1)).toBe(
      `GET /api/v1/dashboard/heatmap?depth=1${query([AREA])}`,
    );
    const levels = screen.getByRole('navigation', { name: 'Livelli della struttura' });
    expect(
      within(levels)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(["tutta l'organizzazione", AREA]);
  });
});

describe('the round the dashboard opens on', () => {
  it('opens on the latest round with visible figures and says when the running one will show', async () => {
    const { apiFetch, server } = fakeServer({
      me: marco,
      heatmap,
      dashboardCampaigns: { ...dashboardCampaigns, shown: earlierCampaign.id },
      heatmaps: { [`${earlierCampaign.id}|`]: { ...heatmap, campaign: earlierCampaign } },
    });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    expect(
      await screen.findByText(
        'La rilevazione in corso non mostra ancora dati: compaiono quando almeno 5 persone di una struttura hanno risposto.',
      ),
    ).toBeInTheDocument();
    expect(server.calls.filter((c) => c.includes('/heatmap'))).toEqual([
      `GET /api/v1/dashboard/heatmap?depth=1&campaign=${earlierCampaign.id}`,
    ]);
    expect(screen.getByRole('combobox', { name: 'Rilevazione' })).toHaveDisplayValue(
      'Digital Mindset: autovalutazione, 12 marzo 2025',
    );
  });

  it('says on the running round from how many answers a unit shows', async () => {
    const { apiFetch } = fakeServer({ me: marco, heatmap, dashboardCampaigns });
    renderWithTeams(<Dashboard />, fakeTeams(apiFetch));

    expect(
      await screen.findByText(
        'Rilevazione in corso: i dati compaiono quando almeno 5 persone di una struttura hanno risposto.',
      ),
    ).toBeInTheDocument();
    expect(currentCampaign.k).toBe(5);
  });
});
