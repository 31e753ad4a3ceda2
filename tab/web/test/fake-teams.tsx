import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ApiFetch } from '../src/api/client';
import type {
  DashboardCampaigns,
  Heatmap,
  Me,
  MyResults,
  PeopleSearch,
  Trend,
} from '../src/api/types';
import { TabProviders } from '../src/components/App/App';
import { TeamsContext, type TeamsSeam } from '../src/teams/teams-context';
import { campaignRoute, type FakeCampaigns } from './fake-campaigns';
import { facilitatorRoute, type FakeFacilitators } from './fake-facilitators';
import { emptyIdeas, ideasRoute, type FakeIdeas } from './fake-ideas';
import { labsRoute, type FakeLabs } from './fake-labs';
import { overviewRoute, type FakeOverview } from './fake-overview';
import { emptyPosts, postsRoute, type FakePosts } from './fake-posts';
import { surveyRoute, type FakeSurveys } from './fake-surveys';
import { json, problem } from './responses';

export interface FakeServer
  extends
    FakeCampaigns,
    FakeFacilitators,
    FakeIdeas,
    FakeLabs,
    FakeOverview,
    FakePosts,
    FakeSurveys {
  me: Me;
  results: MyResults | null;
  heatmap: Heatmap | null;
  /**
   * Other screens, by `campaign|compare` as the tab asks for them (the default screen is `|`),
   * followed by `|segment` per level of an opened unit.
   */
  heatmaps: Record<string, Heatmap>;
  /** Default: the campaign of `heatmap` alone. */
  dashboardCampaigns: DashboardCampaigns | null;
  /** Any unit's trend (default: no round yet). */
  trend: Trend;
  /** Whom `GET /api/v1/people` finds (each word of `q` starts a word of the name). */
  directory: PeopleSearch['people'];
  /** Every call, as "METHOD path". */
  calls: string[];
  /** The JSON body of every call that sent one, in order. */
  bodies: { call: string; body: unknown }[];
}

/** The tab API as the server answers it, in memory. */
export function fakeServer(state: Partial<FakeServer> & Pick<FakeServer, 'me'>): {
  server: FakeServer;
  apiFetch: ApiFetch;
} {
  const server: FakeServer = {
    results: null,
    heatmap: null,
    heatmaps: {},
    dashboardCampaigns: null,
    trend: { scope: [], root: [], dimensions: [], rounds: [] },
    campaigns: [],
    departments: [],
    refuseStart: null,
    rounds: [],
    audit: [],
    nearMe: { scope: 'department', unit: null, facilitators: [] },
    refuseShortlist: null,
    ...emptyIdeas(),
    ...emptyPosts(),
    labs: [],
    labThemes: [],
    knownTeams: [],
    directory: [],
    surveys: [],
    templates: [],
    surveyResults: {},
    refuseSurvey: null,
    overview: null,
    calls: [],
    bodies: [],
    ...state,
  };
  const apiFetch: ApiFetch = async (path, init) => {
    const method = init?.method ?? 'GET';
    server.calls.push(`${method} ${path}`);
    const route = `${method} ${path.split('?')[0]}`;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    if (body !== undefined) server.bodies.push({ call: `${method} ${path}`, body });
    if (route.includes(' /api/v1/campaigns')) {
      if (!server.me.roles.includes('admin')) return problem(403, 'Accesso negato');
      const query = new URLSearchParams(path.split('?')[1]);
      return campaignRoute(server, route, query, body) ?? problem(404, 'Not found');
    }
    if (/ \/api\/v1\/idea/.test(route)) {
      const query = new URLSearchParams(path.split('?')[1]);
      return ideasRoute(server, server.me, route, query, body) ?? problem(404, 'Not found');
    }
    if (route.includes(' /api/v1/labs')) {
      const query = new URLSearchParams(path.split('?')[1]);
      return labsRoute(server, route, query, init, body) ?? problem(404, 'Not found');
    }
    if (/ \/api\/v1\/(posts|workspace)\b/.test(route)) {
      const query = new URLSearchParams(path.split('?')[1]);
      return postsRoute(server, route, query, init, body) ?? problem(404, 'Not found');
    }
    if (/ \/api\/v1\/survey/.test(route)) {
      const admin = server.me.roles.includes('admin');
      const reads = route === 'GET /api/v1/surveys' || /\/results(\.csv)?$/.test(route);
      if (!admin && !(reads && server.me.roles.includes('manager')))
        return problem(403, 'Accesso negato');
      const query = new URLSearchParams(path.split('?')[1]);
      return surveyRoute(server, route, query, body) ?? problem(404, 'Not found');
    }
    if (/ \/api\/v1\/overview/.test(route)) {
      const query = new URLSearchParams(path.split('?')[1]);
      return overviewRoute(server, server.me, route, query) ?? problem(404, 'Not found');
    }
    if (route === 'GET /api/v1/facilitators/near-me') return json(200, server.nearMe);
    if (/ \/api\/v1\/(facilitator-rounds|audit)/.test(route)) {
      if (!server.me.roles.includes('admin')) return problem(403, 'Accesso negato');
      const query = new URLSearchParams(path.split('?')[1]);
      return facilitatorRoute(server, route, query, body) ?? problem(404, 'Not found');
    }
    switch (route) {
      case 'GET /api/v1/people': {
        const roles = server.me.roles;
        if (!roles.includes('facilitator') && !roles.includes('admin'))
          return problem(403, 'Accesso negato');
        const words = (text: string) =>
          text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean);
        const asked = words(new URLSearchParams(path.split('?')[1]).get('q') ?? '');
        return json(200, {
          people: server.directory.filter((p) =>
            asked.every((q) => words(p.displayName).some((w) => w.startsWith(q))),
          ),
        });
      }
      case 'GET /api/v1/me':
        return json(200, server.me);
      case 'GET /api/v1/me/results':
        return server.results ? json(200, server.results) : problem(404, 'Nessun risultato');
      case 'GET /api/v1/me/data':
        return json(200, {
          directory: server.me,
          assessments: server.results ? [server.results] : [],
        });
      case 'DELETE /api/v1/me/facilitator-consent':
        return json(200, { withdrawn: 1, facilitator: server.me.roles.includes('facilitator') });
      case 'DELETE /api/v1/me/data':
        server.results = null;
        return new Response(null, { status: 204 });
      case 'GET /api/v1/dashboard/trend':
        return json(200, server.trend);
      case 'GET /api/v1/dashboard/campaigns':
      case 'GET /api/v1/dashboard/heatmap': {
        const allowed = server.me.roles.includes('manager') || server.me.roles.includes('admin');
        if (!allowed) return problem(403, 'Accesso negato');
        if (!server.heatmap) return problem(500, 'Errore');
        const { campaign } = server.heatmap;
        if (route.endsWith('/campaigns'))
          return json(
            200,
            server.dashboardCampaigns ?? {
              current: campaign,
              campaigns: [campaign],
              shown: campaign.id,
            },
          );
        const query = new URLSearchParams(path.split('?')[1]);
        const key = [
          query.get('campaign') ?? '',
          query.get('compare') ?? '',
          ...query.getAll('unit'),
        ].join('|');
        const screen = key === '|' ? server.heatmap : server.heatmaps[key];
        return screen ? json(200, screen) : problem(404, 'Rilevazione sconosciuta');
      }
      default:
        return problem(404, 'Not found');
    }
  };
  return { server, apiFetch };
}

/** A TeamsProvider value: a Teams host (no demo switcher) unless overridden. */
export function fakeTeams(apiFetch: ApiFetch, overrides: Partial<TeamsSeam> = {}): TeamsSeam {
  return {
    host: 'teams',
    theme: 'light',
    locale: 'it-IT',
    apiFetch,
    demo: null,
    userKey: 'test-user',
    openChat: () => Promise.resolve(),
    ...overrides,
  };
}

/** Renders `ui` inside a fake TeamsProvider, with the tab's theme and language. */
export function renderWithTeams(ui: ReactElement, seam: TeamsSeam): RenderResult {
  return render(
    <TeamsContext.Provider value={seam}>
      <TabProviders>{ui}</TabProviders>
    </TeamsContext.Provider>,
  );
}
