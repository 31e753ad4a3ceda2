import type { Me, Overview } from '../src/api/types';
import { json, problem } from './responses';

/** The overview's part of the fake tab API. */
export interface FakeOverview {
  /** Answered to managers and admins (null: the server fails). */
  overview: Overview | null;
}

const TILES = ['participation', 'weeks', 'surveys', 'dimensions', 'facilitators', 'labs', 'ideas'];

export function overviewRoute(
  server: FakeOverview,
  me: Me,
  route: string,
  query: URLSearchParams,
): Response | undefined {
  if (!me.roles.includes('manager') && !me.roles.includes('admin'))
    return problem(403, 'Accesso negato');
  if (route === 'GET /api/v1/overview')
    return server.overview ? json(200, server.overview) : problem(500, 'Errore');
  if (route === 'GET /api/v1/overview.csv') {
    const tile = query.get('tile') ?? '';
    if (!TILES.includes(tile)) return problem(400, 'Riquadro sconosciuto');
    return new Response(`Riquadro;${tile}\r\n`, { headers: { 'content-type': 'text/csv' } });
  }
  return undefined;
}
