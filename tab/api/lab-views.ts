import type { DirectorySnapshot } from '../../core/directory/directory-snapshot';
import type { Locale } from '../../core/directory/person';
import { canSee, isAdmin, membershipOf, type Actor, type Lab } from '../../core/labs/lab';
import { LabError } from '../../core/labs/labs-errors';
import type { LabsFeature } from '../../core/labs/labs-feature';
import type { LabStatus } from '../../core/labs/lab';
import { LruCache } from '../../core/util/lru-cache';
import type * as Api from './contract';
import { encodeJson, type EncodedJson } from './encoded-json';
import { LabJson } from './labs-json';

/**
 * How long a cached view may show a channel's name and availability after the team registry
 * changed them (the lab, its board, its timeline and names are never stale: they are versioned).
 */
const CHANNEL_STALENESS_MS = 60_000;
/** Cached views per instance (a 500-task lab is about 0.5 MB with its gzip-ed copy). */
const MAX_DETAILS = 100;
const MAX_LISTS = 1_000;

export interface LabListQuery {
  theme?: string | undefined;
  status?: LabStatus | undefined;
  mine?: 'lead' | 'member' | undefined;
}

/**
 * The labs' two reads, each serialised and gzip-ed once per version and kind of viewer, so a
 * read costs two point reads and one write whatever the lab's size. A lab's view is keyed by its
 * row's ETag (settings, people), its board's and timeline's version (`LabVersions`), the
 * directory's import (names), the language and the caller's place in it (membership, admin):
 * what differs between callers is in the key, never shared. The list is keyed by the labs'
 * version, the directory's import, the language, the query and the caller's class: admins or
 * not, and the caller's own id only when they are in some lab (private labs and `membership`
 * are theirs), so everyone else shares one copy.
 */
export class LabViews {
  private readonly details = new LruCache<string, Promise<EncodedJson>>(
    MAX_DETAILS,
    CHANNEL_STALENESS_MS,
  );
  private readonly lists = new LruCache<string, Promise<EncodedJson>>(
    MAX_LISTS,
    CHANNEL_STALENESS_MS,
  );
  /** Every lab, newest first, as of the list's version. */
  private all: { version: string; labs: Promise<Lab[]> } | undefined;

  constructor(
    private readonly deps: {
      labs: LabsFeature;
      directorySnapshot: DirectorySnapshot;
    },
  ) {}

  /** The lab JSON builder for one answer (the writes' answers, built fresh). */
  async json(locale: Locale, actor: Actor): Promise<LabJson> {
    const { labs, directorySnapshot } = this.deps;
    const [people, themes] = await Promise.all([directorySnapshot.current(), labs.themes.all()]);
    return new LabJson({ people, teams: labs.teams, themes, locale, actor });
  }

  /** A lab with its board and timeline as `actor` may see it; 404 when they may not. */
  async detail(id: string, locale: Locale, actor: Actor): Promise<EncodedJson> {
    const { labs, directorySnapshot } = this.deps;
    const [stored, boardVersion, people] = await Promise.all([
      labs.labRows.versioned(id),
      labs.versions.of(id),
      directorySnapshot.current(),
    ]);
    if (!stored || !canSee(stored.value, actor)) throw new LabError('notFound');
    const lab = stored.value;
    const viewer = `${isAdmin(actor)}|${membershipOf(lab, actor.objectId) ?? ''}`;
    const key = [id, stored.etag, boardVersion, people.version, locale, viewer].join('\n');
    return this.details.getOrLoad(key, async () => {
      const [board, updates, view] = await Promise.all([
        labs.boardRows.board(id),
        labs.updates.timeline(id),
        this.json(locale, actor),
      ]);
      return encodeJson((await view.detail(lab, board, updates)) satisfies Api.Lab);
    });
  }

  /** The labs `actor` may see, filtered by `query`, newest first. */
  async list(query: LabListQuery, locale: Locale, actor: Actor): Promise<EncodedJson> {
    const { labs, directorySnapshot } = this.deps;
    const [version, people] = await Promise.all([
      labs.versions.list(),
      directorySnapshot.current(),
    ]);
    if (this.all?.version !== version) {
      const read = labs.labRows
        .all()
        .then((all) => all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()));
      const entry = { version, labs: read };
      this.all = entry;
      read.catch(() => {
        if (this.all === entry) this.all = undefined;
      });
    }
    const all = await this.all.labs;
    const me = actor.objectId;
    const involved = all.some((lab) => membershipOf(lab, me) !== undefined);
    const viewer = `${isAdmin(actor)}|${involved ? me : ''}`;
    const asked = `${query.theme ?? ''}|${query.status ?? ''}|${query.mine ?? ''}`;
    const key = [version, people.version, locale, viewer, asked].join('\n');
    return this.lists.getOrLoad(key, async () => {
      const found = all.filter(
        (lab) =>
          canSee(lab, actor) &&
          (!query.theme || lab.themeId === query.theme) &&
          (!query.status || lab.status === query.status) &&
          (!query.mine ||
            lab.members.some(
              (m) => m.objectId === me && (query.mine === 'member' || m.role === 'lead'),
            )),
      );
      const view = await this.json(locale, actor);
      return encodeJson({
        labs: await Promise.all(found.map((lab) => view.summary(lab))),
      } satisfies Api.LabList);
    });
  }
}
