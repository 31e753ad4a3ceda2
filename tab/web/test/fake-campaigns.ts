import type {
  Campaign,
  CampaignPreview,
  CampaignStatus,
  StartAudience,
  UnreachablePerson,
} from '../src/api/types';
import { json, problem } from './responses';

/** The campaigns part of the fake tab API (admins only, like the server). */
export interface FakeCampaigns {
  /** Newest first, each with its live status. */
  campaigns: CampaignStatus[];
  departments: string[];
  /** When set, POST /api/v1/campaigns answers with this problem instead of starting one. */
  refuseStart: { status: number; title: string; code: string } | null;
  /** The answer of POST /api/v1/campaigns/preview (default: {@link PREVIEW}). */
  preview?: CampaignPreview;
  /** Every campaign's unreachable people (default: none). */
  unreachable?: UnreachablePerson[];
}

export const PREVIEW: CampaignPreview = {
  audience: 1250,
  reachable: 1100,
  alreadyCompleted: 120,
  unreachable: 30,
};

const campaignOf = (s: CampaignStatus): Campaign => ({
  id: s.id,
  kind: s.kind,
  remindable: s.remindable,
  state: s.state,
  audience: s.audience,
  notBefore: s.notBefore,
  createdAt: s.createdAt,
  startedAt: s.startedAt,
  endedAt: s.endedAt,
});

const TRANSITIONS: Record<string, { from: string[]; to: CampaignStatus['state'] }> = {
  pause: { from: ['preparing', 'running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['preparing', 'running', 'paused'], to: 'cancelled' },
};

function created(
  fields: Pick<Campaign, 'kind' | 'remindable' | 'audience' | 'notBefore'>,
  n: number,
) {
  const createdAt = new Date().toISOString();
  const status: CampaignStatus = {
    id: `c20260401t0000000000${n.toString(16).padStart(2, '0')}`,
    state: 'preparing',
    createdAt,
    startedAt: null,
    endedAt: null,
    counts: {
      total: 0,
      sent: 0,
      pending: 0,
      failed: 0,
      blocked: 0,
      unreachable: 0,
      alreadyCompleted: 0,
      inDoubt: 0,
    },
    audienceRead: 0,
    expectedTotal: null,
    progress: 0,
    etaSeconds: null,
    sending: false,
    completions: { reached: 0, atLeast: null, k: 5 },
    ...fields,
  };
  return status;
}

/** Answers a campaigns route, or null when `route` ("METHOD path") is not one of them. */
export function campaignRoute(
  state: FakeCampaigns,
  route: string,
  query: URLSearchParams,
  body: unknown,
): Response | null {
  if (route === 'GET /api/v1/campaigns') {
    const kinds = query.getAll('kind');
    const listed = state.campaigns.filter((c) => kinds.length === 0 || kinds.includes(c.kind));
    return json(200, { campaigns: listed.map(campaignOf) });
  }
  if (route === 'GET /api/v1/campaigns/departments') {
    return json(200, { departments: state.departments });
  }
  if (route === 'POST /api/v1/campaigns/preview') return json(200, state.preview ?? PREVIEW);
  if (route === 'POST /api/v1/campaigns') {
    if (state.refuseStart) {
      const { status, title, code } = state.refuseStart;
      return problem(status, title, { code });
    }
    const { audience } = body as { audience: StartAudience };
    const campaign = created(
      { kind: 'assessment', remindable: true, audience, notBefore: new Date().toISOString() },
      state.campaigns.length,
    );
    state.campaigns.unshift(campaign);
    return json(201, campaignOf(campaign));
  }
  const match = /^(GET|POST) \/api\/v1\/campaigns\/([^/]+)(?:\/(\w+))?$/.exec(route);
  if (!match) return null;
  const [, method, id, action] = match;
  const index = state.campaigns.findIndex((c) => c.id === decodeURIComponent(id ?? ''));
  const campaign = state.campaigns[index];
  if (!campaign) return problem(404, 'Campagna sconosciuta.');
  if (method === 'GET' && !action) return json(200, campaign);
  if (method === 'GET' && action === 'unreachable') {
    return json(200, { people: state.unreachable ?? [] });
  }
  if (method === 'POST' && action === 'reminders') {
    const { afterHours } = body as { afterHours: number };
    const from = Date.parse(campaign.startedAt ?? campaign.createdAt);
    const notBefore = new Date(Math.max(Date.now(), from + afterHours * 3_600_000));
    const reminder = created(
      {
        kind: 'reminder',
        remindable: false,
        audience: { kind: 'nonRespondents', campaignId: campaign.id },
        notBefore: notBefore.toISOString(),
      },
      state.campaigns.length,
    );
    state.campaigns.unshift(reminder);
    return json(201, campaignOf(reminder));
  }
  const transition = method === 'POST' && action ? TRANSITIONS[action] : undefined;
  if (!transition) return null;
  if (!transition.from.includes(campaign.state)) {
    return problem(409, `Operazione non possibile: la campagna è «${campaign.state}».`, {
      code: 'notAllowed',
    });
  }
  const changed = { ...campaign, state: transition.to };
  state.campaigns[index] = changed;
  return json(200, campaignOf(changed));
}
