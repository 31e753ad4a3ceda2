import type { ApiFetch } from '../src/api/client';
import type { ContestEntry, ContestResults, ContestSummary } from '../src/api/types';
import { json, problem } from './responses';

export interface FakeContests {
  contests: ContestSummary[];
  entries: ContestEntry[];
  results: ContestResults | null;
  /** The fields of every entry sent. */
  sent: { title: string; description: string; image: File }[];
  votes: string[];
  /** The next entry sent is refused with this problem. */
  refuseEntry: { status: number; title: string } | null;
}

export const contestSummary = (overrides: Partial<ContestSummary> = {}): ContestSummary => ({
  id: 'c1',
  title: 'Il logo di óiBO',
  description: 'Disegna il logo del programma.',
  rules: 'Immagini originali.',
  entriesOpenAt: '2026-09-01T08:00:00Z',
  entriesCloseAt: '2026-09-08T08:00:00Z',
  votingOpenAt: '2026-09-08T08:00:00Z',
  votingCloseAt: '2026-09-15T08:00:00Z',
  maxEntriesPerPerson: 2,
  phase: 'entries',
  myEntries: 0,
  myVote: null,
  ...overrides,
});

export const contestEntry = (id: string, title: string, mine = false): ContestEntry => ({
  id,
  title,
  description: `Descrizione di ${title}`,
  mine,
  thumbnailUrl: `/api/v1/contests/c1/entries/${id}/image?size=thumbnail`,
  imageUrl: `/api/v1/contests/c1/entries/${id}/image?size=full`,
  width: 400,
  height: 300,
  hidden: null,
});

/** The contest routes in memory, in front of another fake (every other path goes to it). */
export function withContests(
  state: Partial<FakeContests>,
  others: ApiFetch,
): { contests: FakeContests; apiFetch: ApiFetch } {
  const contests: FakeContests = {
    contests: [],
    entries: [],
    results: null,
    sent: [],
    votes: [],
    refuseEntry: null,
    ...state,
  };
  const apiFetch: ApiFetch = async (path, init) => {
    const method = init?.method ?? 'GET';
    const route = `${method} ${path.split('?')[0]}`;
    if (!route.includes(' /api/v1/contests')) return others(path, init);
    if (route === 'GET /api/v1/contests') return json(200, contests.contests);
    if (/^GET \/api\/v1\/contests\/c1\/entries\/\w+\/image$/.test(route)) {
      return new Response(new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }));
    }
    if (route === 'GET /api/v1/contests/c1/entries') return json(200, contests.entries);
    if (route === 'GET /api/v1/contests/c1/results') {
      return contests.results ? json(200, contests.results) : problem(409, 'Non ancora');
    }
    if (route === 'POST /api/v1/contests/c1/entries') {
      if (contests.refuseEntry) {
        const { status, title } = contests.refuseEntry;
        contests.refuseEntry = null;
        return problem(status, title);
      }
      const form = init?.body as FormData;
      const entry = {
        title: form.get('title') as string,
        description: form.get('description') as string,
        image: form.get('image') as File,
      };
      contests.sent.push(entry);
      contests.entries.push(contestEntry(`e${contests.sent.length}`, entry.title, true));
      contests.contests[0]!.myEntries += 1;
      return json(201, { id: `e${contests.sent.length}` });
    }
    const vote = /^PUT \/api\/v1\/contests\/c1\/entries\/(\w+)\/vote$/.exec(route);
    if (vote) {
      contests.votes.push(vote[1]!);
      contests.contests[0]!.myVote = vote[1]!;
      return json(200, { entryId: vote[1] });
    }
    return problem(404, 'Not found');
  };
  return { contests, apiFetch };
}
