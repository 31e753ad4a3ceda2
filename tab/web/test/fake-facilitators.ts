import type {
  AuditEntry,
  FacilitatorRound,
  FacilitatorsNearMe,
  NewFacilitatorRound,
  ShortlistChange,
} from '../src/api/types';
import type { FakeCampaigns } from './fake-campaigns';
import { json, problem } from './responses';

/** The facilitator rounds, audit log and near-me parts of the fake tab API. */
export interface FakeFacilitators {
  /** Newest first. */
  rounds: FacilitatorRound[];
  /** Newest first. */
  audit: AuditEntry[];
  nearMe: FacilitatorsNearMe;
  /** When set, POST …/shortlist answers with this problem instead of changing anything. */
  refuseShortlist: { status: number; title: string } | null;
}

const summaryOf = ({ candidates: _c, coverage: _m, ...summary }: FacilitatorRound) => summary;

function audited(state: FakeFacilitators, entry: Omit<AuditEntry, 'id' | 'at' | 'counts'>) {
  state.audit.unshift({
    id: `a${state.audit.length}`,
    at: new Date().toISOString(),
    counts: {},
    ...entry,
  });
}

/** Answers a facilitators or audit route, or null when `route` is not one of them. */
export function facilitatorRoute(
  state: FakeFacilitators & FakeCampaigns,
  route: string,
  query: URLSearchParams,
  body: unknown,
): Response | null {
  if (route === 'GET /api/v1/facilitator-rounds') {
    return json(200, { rounds: state.rounds.map(summaryOf) });
  }
  if (route === 'POST /api/v1/facilitator-rounds') {
    const { thresholds, managerApproval = true } = body as NewFacilitatorRound;
    const id = `r${state.rounds.length + 1}`;
    state.rounds.unshift({
      id,
      createdAt: new Date().toISOString(),
      createdBy: 'admin',
      thresholds,
      targets: {},
      managerApproval,
      invitationCampaignId: null,
      // Ready at once here: a round still preparing is a fixture of its own.
      status: 'ready',
      progress: null,
      candidates: [],
      coverage: [],
    });
    return json(201, { id });
  }
  if (route === 'GET /api/v1/audit') {
    const limit = Number(query.get('limit') ?? 50);
    const start = Number(query.get('after') ?? 0);
    const entries = state.audit.slice(start, start + limit);
    const next = start + limit < state.audit.length ? String(start + limit) : null;
    return json(200, { entries, next });
  }
  if (route === 'GET /api/v1/audit.csv') {
    const lines = state.audit.map((e) => [e.at, e.actor, e.action, e.subject, e.note].join(','));
    return new Response(['at,actor,action,subject,note', ...lines].join('\n'), {
      status: 200,
      headers: { 'content-type': 'text/csv' },
    });
  }
  const match = /^(GET|PATCH|POST) \/api\/v1\/facilitator-rounds\/([^/]+)(?:\/(\w+))?$/.exec(route);
  if (!match) return null;
  const [, method, id, action] = match;
  const round = state.rounds.find((r) => r.id === decodeURIComponent(id ?? ''));
  if (!round) return problem(404, 'Turno sconosciuto.');
  if (method === 'GET' && !action) return json(200, round);
  if (method !== 'GET' && round.invitationCampaignId !== null) {
    return problem(409, 'Il turno è già stato invitato.');
  }
  if (method === 'PATCH' && !action) {
    const { targets } = body as { targets: Record<string, number> };
    Object.assign(round.targets, targets);
    round.coverage = round.coverage.map((c) => {
      const target = targets[c.department] ?? c.target;
      return { ...c, target, belowTarget: c.candidates < target };
    });
    return json(200, round);
  }
  if (method === 'POST' && action === 'shortlist') {
    if (state.refuseShortlist) {
      return problem(state.refuseShortlist.status, state.refuseShortlist.title);
    }
    const change = body as ShortlistChange;
    const person = round.candidates.find((c) => c.objectId === change.objectId);
    if (!person) return problem(404, 'Persona sconosciuta o senza consenso.');
    person.status = change.action === 'add' ? 'proposed' : 'removed';
    audited(state, {
      actor: 'admin',
      action: `facilitators.shortlist.${change.action}`,
      reason: round.id,
      subject: change.objectId,
      note: change.reason,
    });
    return json(200, round);
  }
  if (method === 'POST' && action === 'invitations') {
    const campaignId = `c-${round.id}`;
    round.invitationCampaignId = campaignId;
    for (const c of round.candidates) if (c.status === 'proposed') c.status = 'invited';
    const now = new Date().toISOString();
    const invited = round.candidates.filter((c) => c.status === 'invited').length;
    state.campaigns.unshift({
      id: campaignId,
      kind: 'facilitator-invitation',
      remindable: true,
      state: 'completed',
      audience: { kind: 'chosen' },
      notBefore: now,
      createdAt: now,
      startedAt: now,
      endedAt: now,
      counts: {
        total: invited,
        sent: invited,
        pending: 0,
        failed: 0,
        blocked: 0,
        unreachable: 0,
        alreadyCompleted: 0,
        inDoubt: 0,
      },
      audienceRead: 1,
      expectedTotal: invited,
      progress: 1,
      etaSeconds: null,
      sending: false,
      completions: { reached: invited, atLeast: null, k: 5 },
    });
    return json(202, { campaignId });
  }
  return null;
}
