import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { newIdeaId, type Idea } from '../core/ideas/idea';
import { startAzurite } from '../server/azurite';
import { freshServices } from './api-bench';
import { Corpus } from './corpus';
import { seedPosts } from './posts';
import { startFlags } from './start-flags';

/** The design sizes: a call of a 100,000-person organisation, and years of the workspace. */
const IDEAS = 10_000;
const POSTS = 5_000;
const CALL_ID = 'b2b2b2b2';
/** After loading, at least half of the heap limit stays free for a campaign's delivery and GC. */
export const HEAP_SHARE_BAR = 0.5;

export interface MemoryRun {
  flags: string[];
  /** The process died loading the views: its heap limit is too small for the design sizes. */
  outOfMemory: boolean;
  servicesMb: number;
  ideasMb: number;
  postsMb: number;
  heapMb: number;
  rssMb: number;
  limitMb: number;
}

/** Ideas as people write them (prose with real word frequencies), written straight to the store. */
async function seedIdeas(services: Awaited<ReturnType<typeof freshServices>>['services']) {
  const corpus = new Corpus(IDEAS);
  await services.ideas.repository.calls.insert({
    id: CALL_ID,
    title: 'Call4Ideas',
    question: 'Quali procedimenti digitalizzare?',
    opensAt: new Date(Date.now() - 30 * 86_400_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
  });
  const ideas: Idea[] = Array.from({ length: IDEAS }, (_, i) => ({
    id: newIdeaId(CALL_ID),
    callId: CALL_ID,
    title: corpus.phrase(6),
    procedure: corpus.phrase(3),
    office: `Settore ${i % 40}`,
    problem: corpus.phrase(45),
    proposal: corpus.phrase(45),
    benefits: corpus.phrase(15),
    beneficiaries: ['citizens'],
    links: [],
    area: `Area ${i % 12}`,
    theme: 'other',
    status: 'submitted',
    statusReason: null,
    labId: null,
    authors: [
      { objectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Persona ${i}` },
    ],
    mergedAuthors: {},
    mergedInto: null,
    mergedFrom: [],
    votes: i % 50,
    comments: i % 7,
    openAmendments: 0,
    hidden: null,
    createdAt: new Date(Date.now() - i * 60_000),
  }));
  await services.ideas.repository.ideas.upsertMany(ideas.map((idea) => ({ idea, stamp: '' })));
}

/**
 * `npm run bench:memory`: the in-memory views at the design sizes ({@link IDEAS} ideas in a call,
 * {@link POSTS} posts of 300 words) loaded by the app's services in a process started with
 * `npm start`'s flags, as App Service starts it: the heap each holds, and whether they fit.
 */
export async function benchMemory(): Promise<MemoryRun> {
  const azurite = await startAzurite();
  try {
    const { store, services, drop } = await freshServices(azurite.connectionString);
    await Promise.all([seedIdeas(services), seedPosts(services, POSTS)]);
    const flags = startFlags();
    const loaded = await promisify(execFile)(
      process.execPath,
      [
        ...flags,
        '--expose-gc',
        '--import',
        'tsx',
        path.join(__dirname, 'memory-load.ts'),
        azurite.connectionString,
        store.prefix,
        CALL_ID,
      ],
      { maxBuffer: 1024 * 1024 },
    ).catch((error: { stderr?: string }) => {
      if (!error.stderr?.includes('heap out of memory')) throw error;
      return undefined;
    });
    await drop();
    if (!loaded) {
      const none = { servicesMb: NaN, ideasMb: NaN, postsMb: NaN, heapMb: NaN, rssMb: NaN };
      return { flags, outOfMemory: true, ...none, limitMb: NaN };
    }
    return {
      flags,
      outOfMemory: false,
      ...(JSON.parse(loaded.stdout) as Omit<MemoryRun, 'flags' | 'outOfMemory'>),
    };
  } finally {
    await azurite.stop();
  }
}

export function printMemory(run: MemoryRun): void {
  console.log(
    `\nIn-memory views at ${IDEAS.toLocaleString('en')} ideas and ${POSTS.toLocaleString('en')} posts,` +
      ` under npm start's flags (${run.flags.join(' ')})`,
  );
  if (run.outOfMemory) {
    console.log('the app ran out of heap loading them: FAIL');
    return;
  }
  console.table({
    'services (MB)': run.servicesMb.toFixed(0),
    'ideas view (MB)': run.ideasMb.toFixed(0),
    'posts view (MB)': run.postsMb.toFixed(0),
    'heap after (MB)': run.heapMb.toFixed(0),
    'RSS after (MB)': run.rssMb.toFixed(0),
    'heap limit (MB)': run.limitMb.toFixed(0),
  });
  const share = run.heapMb / run.limitMb;
  console.log(
    `heap after loading / heap limit: ${share.toFixed(2)} (bar ${HEAP_SHARE_BAR}) ${share <= HEAP_SHARE_BAR ? 'PASS' : 'FAIL'}`,
  );
}
