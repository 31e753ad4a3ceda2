import type {
  Lab,
  LabOverviewRow,
  LabPeopleSearch,
  LabSummary,
  LabTask,
  LabTheme,
  KnownTeam,
  LabMemberChange,
  LabSettingsChange,
  Me,
  NewLab,
  NewLabMilestone,
  NewLabTask,
  NewLabTheme,
  NewLabUpdate,
} from '../src/api/types';
import { json, problem } from './responses';

/** The labs' part of the fake tab API. */
export interface FakeLabs {
  labs: Lab[];
  labThemes: LabTheme[];
  knownTeams: KnownTeam[];
  directory: LabPeopleSearch['people'];
}

const summaryOf = ({
  members: _m,
  invitations: _i,
  requests: _r,
  milestones: _ms,
  tasks: _t,
  notes: _n,
  updates: _u,
  outcome: _o,
  closedAt: _c,
  permissions: _p,
  ...summary
}: Lab): LabSummary => summary;

const overviewOf = (lab: Lab): LabOverviewRow => ({
  id: lab.id,
  theme: lab.theme.title,
  title: lab.title,
  status: lab.status,
  private: lab.private,
  leads: lab.leads,
  members: lab.members.length,
  departments: [],
  tasksDone: lab.tasks.filter((t) => t.column === 'done').length,
  tasksTotal: lab.tasks.length,
  overdue: 0,
  lastUpdateAt: lab.lastUpdateAt,
});

let etags = 0;
const fresh = (task: LabTask): LabTask => ({ ...task, etag: `W/"fake-${++etags}"` });

function taskRoute(
  lab: Lab,
  method: string,
  taskId: string | undefined,
  init: RequestInit | undefined,
  body: unknown,
): Response | null {
  if (!lab.permissions.editBoard) return problem(403, 'Accesso negato');
  if (method === 'POST' && !taskId) {
    const input = body as NewLabTask;
    const task = fresh({
      id: `t${lab.tasks.length + 1}-new`,
      title: input.title,
      description: input.description ?? '',
      column: input.column ?? 'todo',
      order: input.order ?? lab.tasks.length + 1,
      assignees: [],
      dueDate: input.dueDate ?? null,
      milestoneId: input.milestoneId ?? null,
      updatedAt: new Date().toISOString(),
      etag: '',
    });
    lab.tasks.push(task);
    return json(201, task);
  }
  const index = lab.tasks.findIndex((t) => t.id === taskId);
  const task = lab.tasks[index];
  if (!task) return problem(404, 'Attività sconosciuta');
  const ifMatch = new Headers(init?.headers).get('if-match');
  if (!ifMatch) return problem(428, 'Manca If-Match');
  if (ifMatch !== task.etag) {
    return problem(412, 'Attività modificata nel frattempo', {
      code: 'labs.task.stale',
      current: task,
    });
  }
  if (method === 'DELETE') {
    lab.tasks.splice(index, 1);
    return new Response(null, { status: 204 });
  }
  const { assignees, ...change } = body as NewLabTask;
  const people = assignees?.map(
    (objectId) => lab.members.find((m) => m.person.objectId === objectId)!.person,
  );
  const changed = fresh({ ...task, ...change, ...(people ? { assignees: people } : {}) });
  lab.tasks[index] = changed;
  return json(200, changed);
}

/** Answers a labs route, or null when `route` is not one of them. */
export function labsRoute(
  state: FakeLabs & { me: Me },
  route: string,
  query: URLSearchParams,
  init: RequestInit | undefined,
  body: unknown,
): Response | null {
  const roles = state.me.roles;
  const leads = roles.includes('facilitator') || roles.includes('admin');
  if (route === 'GET /api/v1/labs/themes') return json(200, { themes: state.labThemes });
  if (route === 'POST /api/v1/labs/themes') {
    if (!roles.includes('admin')) return problem(403, 'Accesso negato');
    const input = body as NewLabTheme;
    const theme = {
      id: `theme-${state.labThemes.length + 1}`,
      title: input.title['it-IT'],
      description: input.description['it-IT'],
      seeded: false,
    };
    state.labThemes.push(theme);
    return json(201, theme);
  }
  if (route === 'GET /api/v1/labs') {
    const labs = state.labs
      .filter((l) => !query.get('theme') || l.theme.id === query.get('theme'))
      .filter((l) => !query.get('status') || l.status === query.get('status'))
      .filter((l) => query.get('mine') !== 'lead' || l.membership === 'lead')
      .filter(
        (l) =>
          query.get('mine') !== 'member' || l.membership === 'lead' || l.membership === 'member',
      );
    return json(200, { labs: labs.map(summaryOf) });
  }
  if (route === 'POST /api/v1/labs') {
    if (!leads) return problem(403, 'Accesso negato');
    const input = body as NewLab;
    const theme = state.labThemes.find((t) => t.id === input.theme)!;
    const id = `lab-${state.labs.length + 1}`;
    state.labs.unshift({
      ...(state.labs[0] as Lab),
      id,
      theme,
      title: input.title,
      goal: input.goal,
      status: 'proposed',
      private: input.private ?? false,
      tasks: [],
      updates: [],
      notes: [],
      requests: [],
      membership: 'lead',
      permissions: { manage: true, editBoard: true, join: false },
    });
    return json(201, { id });
  }
  if (route === 'GET /api/v1/labs/overview' || route === 'GET /api/v1/labs/overview.csv') {
    if (!roles.includes('manager') && !roles.includes('admin'))
      return problem(403, 'Accesso negato');
    const rows = state.labs.map(overviewOf);
    if (route.endsWith('.csv')) {
      const lines = rows.map((r) => [r.title, r.theme, r.tasksDone, r.tasksTotal].join(';'));
      return new Response(['lab;theme;done;total', ...lines].join('\n'), {
        status: 200,
        headers: { 'content-type': 'text/csv' },
      });
    }
    return json(200, { labs: rows });
  }
  if (route === 'GET /api/v1/labs/teams') return json(200, { teams: state.knownTeams });
  if (route === 'GET /api/v1/labs/people') {
    const q = (query.get('q') ?? '').toLowerCase();
    return json(200, {
      people: state.directory.filter((p) => p.displayName.toLowerCase().includes(q)),
    });
  }
  const match = /^(\w+) \/api\/v1\/labs\/([^/]+)(?:\/([^/]+)(?:\/([^/]+)(?:\/(\w+))?)?)?$/.exec(
    route,
  );
  if (!match) return null;
  const [, method = '', id, part, sub, verb] = match;
  const lab = state.labs.find((l) => l.id === decodeURIComponent(id ?? ''));
  if (!lab) return problem(404, 'Laboratorio sconosciuto');
  const answer = () => json(200, lab);
  if (!part) {
    if (method === 'GET') return answer();
    const { theme, ...change } = body as LabSettingsChange;
    const chosen = state.labThemes.find((t) => t.id === theme);
    return (Object.assign(lab, change, chosen ? { theme: chosen } : {}), answer());
  }
  if (part === 'tasks') return taskRoute(lab, method, sub && decodeURIComponent(sub), init, body);
  switch (`${method} ${part}`) {
    case 'POST join':
      lab.membership = lab.membership === 'invited' ? 'member' : 'requested';
      lab.permissions.join = false;
      return answer();
    case 'POST leave':
      lab.membership = null;
      lab.permissions.join = true;
      return answer();
    case 'POST requests': {
      const request = lab.requests.find((r) => r.person.objectId === decodeURIComponent(sub ?? ''));
      if (!request) return problem(404, 'Nessuna richiesta');
      lab.requests = lab.requests.filter((r) => r !== request);
      if (verb === 'approve')
        lab.members.push({
          person: request.person,
          role: 'member',
          since: new Date().toISOString(),
          department: null,
        });
      return answer();
    }
    case 'POST members': {
      const { objectIds } = body as { objectIds: string[] };
      for (const objectId of objectIds) {
        const found = state.directory.find((p) => p.objectId === objectId);
        lab.invitations.push({
          person: { objectId, displayName: found?.displayName ?? null, former: false },
          at: new Date().toISOString(),
        });
      }
      return answer();
    }
    case 'PATCH members':
    case 'DELETE members': {
      const member = lab.members.find((m) => m.person.objectId === decodeURIComponent(sub ?? ''));
      if (!member) return problem(404, 'Persona sconosciuta');
      const leadsAfter = lab.members.filter((m) =>
        m === member
          ? method === 'PATCH' && (body as LabMemberChange).role === 'lead'
          : m.role === 'lead',
      );
      if (leadsAfter.length === 0) return problem(409, 'Serve almeno una persona che coordini');
      if (method === 'DELETE') lab.members = lab.members.filter((m) => m !== member);
      else member.role = (body as LabMemberChange).role;
      return answer();
    }
    case 'POST milestones': {
      const milestone = {
        id: `m${lab.milestones.length + 1}-new`,
        reached: false,
        dueDate: null,
        ...(body as NewLabMilestone),
      };
      lab.milestones.push(milestone);
      return json(201, milestone);
    }
    case 'PATCH milestones':
    case 'DELETE milestones': {
      const index = lab.milestones.findIndex((m) => m.id === decodeURIComponent(sub ?? ''));
      if (index < 0) return problem(404, 'Traguardo sconosciuto');
      if (method === 'DELETE') {
        lab.milestones.splice(index, 1);
        return new Response(null, { status: 204 });
      }
      lab.milestones[index] = { ...lab.milestones[index]!, ...(body as NewLabMilestone) };
      return json(200, lab.milestones[index]);
    }
    case 'POST close':
      lab.status = 'concluded';
      lab.outcome = (body as { outcome: string }).outcome;
      return answer();
    case 'PUT channel': {
      const link = body as { teamId: string; channelId: string };
      const team = state.knownTeams.find((t) => t.teamId === link.teamId);
      const channel = team?.channels.find((c) => c.channelId === link.channelId);
      if (!team || !channel) return problem(404, 'Canale sconosciuto');
      lab.channel = { ...link, teamName: team.name, channelName: channel.name, available: true };
      return json(200, lab.channel);
    }
    case 'POST notes': {
      const note = {
        id: `n${lab.notes.length + 1}`,
        ...(body as { kind: 'note'; text: string }),
        author: lab.leads[0]!,
        at: new Date().toISOString(),
      };
      lab.notes.unshift(note);
      return json(201, note);
    }
    case 'POST updates': {
      if (sub && verb === 'retry') {
        const update = lab.updates.find((u) => u.id === sub);
        if (!update) return problem(404, 'Aggiornamento sconosciuto');
        update.post = { state: 'pending', at: null, reason: null };
        return json(202, update);
      }
      const input = body as NewLabUpdate;
      const update = {
        id: `u${lab.updates.length + 1}`,
        title: input.title,
        text: input.text,
        progress: input.progress ?? null,
        nextSteps: input.nextSteps ?? null,
        mentions: [],
        author: lab.leads[0]!,
        at: new Date().toISOString(),
        post: lab.channel
          ? ({ state: 'pending', at: null, reason: null } as const)
          : ({ state: 'notLinked', at: null, reason: null } as const),
      };
      lab.updates.unshift(update);
      return json(201, update);
    }
    default:
      return null;
  }
}
