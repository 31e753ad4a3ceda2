import { screen, within } from '@testing-library/react';
import type { Me, Overview as OverviewData } from '../src/api/types';
import { Overview } from '../src/components/Overview/Overview';
import { OVERVIEW_LINKS, type OverviewLink } from '../src/components/Overview/overview-links';
import { fakeServer, fakeTeams, renderWithTeams } from './fake-teams';
import { sara } from './fixtures';
import { overview } from './overview-fixtures';

/** The overview screen alone, over the fake API; `opened` records the tiles' links. */
export async function renderOverview(
  data: OverviewData = overview(),
  { me = sara, links = OVERVIEW_LINKS }: { me?: Me; links?: readonly OverviewLink[] } = {},
) {
  const fake = fakeServer({ me, overview: data });
  const opened: OverviewLink[] = [];
  renderWithTeams(
    <Overview links={links} onOpen={(to) => opened.push(to)} />,
    fakeTeams(fake.apiFetch),
  );
  await screen.findByRole('button', { name: 'Stampa il report' });
  return { ...fake, opened };
}

/** A tile by its heading. */
export const tile = (name: string) => screen.getByRole('region', { name });

/** A table's body rows as the text of their cells. */
export const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));
