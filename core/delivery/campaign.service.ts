import { DomainError } from '../errors';
import type { MessageKey, Translate } from '../i18n/translator';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import { departmentOf, personId, type Person } from '../directory/person';
import { forEachLimit } from '../util/concurrency';
import { AlreadyExistsError } from '../store/errors';
import { retryOnConflict } from '../store/retry';
import { inAudience, previewBucket, type AudienceDeps, type AudiencePreview } from './audience';
import {
  AudienceSchema,
  BUCKETS,
  CampaignIdSchema,
  newCampaignId,
  peoplePartitions,
  type Audience,
  type Campaign,
  type CampaignState,
} from './campaign';
import type { CampaignsRepository } from './campaigns.repository';
import { campaignProgress, type CampaignProgress } from './campaign-progress';
import type { DeliveriesRepository } from './deliveries.repository';
import type { MessageKinds } from './message-kinds';
import { emptyCounts, type ShardCounts, type ShardsRepository } from './shards.repository';

/** Why a campaign operation was refused; the API and the CLI word it for people. */
export type CampaignProblem =
  | { code: 'emptyAudience' }
  | { code: 'unknownDepartments'; departments: string[] }
  | { code: 'unknownCampaign' }
  | { code: 'notAllowed'; state: CampaignState }
  | { code: 'notRemindable' };

const PROBLEM_STATUS: Record<CampaignProblem['code'], number> = {
  unknownCampaign: 404,
  notAllowed: 409,
  emptyAudience: 422,
  unknownDepartments: 422,
  notRemindable: 422,
};

export class CampaignError extends DomainError {
  readonly status: number;
  readonly code: CampaignProblem['code'];
  readonly messageKey: MessageKey;

  constructor(readonly problem: CampaignProblem) {
    super(`campaign: ${problem.code}`);
    this.status = PROBLEM_STATUS[problem.code];
    this.code = problem.code;
    this.messageKey = `campaign.problem.${problem.code}`;
  }

  /** The refusal in words, for the CLI (English) and the API (the caller's language). */
  override describe(t: Translate): string {
    const { problem } = this;
    switch (problem.code) {
      case 'unknownDepartments':
        return t(this.messageKey, { departments: problem.departments.join(', ') });
      case 'notAllowed':
        return t(this.messageKey, { state: t(`campaign.state.${problem.state}`) });
      default:
        return t(this.messageKey);
    }
  }
}

export interface CampaignStatus extends CampaignProgress {
  campaign: Campaign;
  /** Whether some instance holds a live lease on part of it right now. */
  sending: boolean;
}

/** A recipient the bot cannot write to; name, UPN and department unless they left the directory. */
export interface UnreachablePerson {
  personId: string;
  displayName?: string;
  upn?: string;
  department?: string;
}

export interface CampaignServiceDeps {
  campaigns: CampaignsRepository;
  shards: ShardsRepository;
  deliveries: DeliveriesRepository;
  people: Pick<AudienceDeps['people'], 'inBuckets'> & {
    some(predicate: (person: Person) => boolean): Promise<boolean>;
  };
  conversationRefs: AudienceDeps['conversationRefs'];
  /** The kinds of message a campaign can send. */
  kinds: MessageKinds;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  ratePerSecond: number;
  now?: () => Date;
}

const PAUSABLE: readonly CampaignState[] = ['preparing', 'running'];
/** Parts of the directory a preview reads at once. */
const PREVIEW_CONCURRENCY = 4;

/** What the programme team does with campaigns, from the CLI or the tab's admin API. */
export class CampaignService {
  private readonly now: () => Date;

  constructor(private readonly deps: CampaignServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Creates a campaign of a registered message kind about `subject` (an assessment invitation:
   * kind `assessment`, subject the assessment campaign); the engine expands and sends it.
   */
  async start(input: {
    kind: string;
    subject: string;
    audience: unknown;
    createdBy: string;
    /**
     * An id recorded (or derived) before starting, so that a retry after a crash finds the
     * campaign it started instead of sending again: an existing campaign of that id is returned.
     */
    id?: string;
    /** Not sent before this time (a survey opening later); default now. */
    notBefore?: Date;
  }): Promise<Campaign> {
    const kind = this.deps.kinds.get(input.kind).id;
    const audience = AudienceSchema.parse(input.audience);
    if (audience.kind === 'nonRespondents') throw new CampaignError({ code: 'notRemindable' });
    if (input.id) {
      const started = await this.deps.campaigns.get(CampaignIdSchema.parse(input.id));
      if (started) return started.value;
    }
    await this.checkAudience({ kind, subject: input.subject, audience });
    const fields = {
      kind,
      subject: input.subject,
      audience,
      createdBy: input.createdBy,
      ...(input.notBefore ? { notBefore: input.notBefore } : {}),
    };
    if (!input.id) return this.create(fields);
    try {
      return await this.create({ ...fields, id: input.id });
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      return (await this.find(input.id)).value;
    }
  }

  /**
   * What starting an invitation to `audience` would do now, writing nothing: two range reads per
   * part of the directory (people, chats) and one read of the respondents ledger, the same reads
   * as the expansion without its point read per person.
   */
  async preview(input: {
    kind: string;
    subject: string;
    audience: unknown;
  }): Promise<AudiencePreview> {
    const audience = AudienceSchema.parse(input.audience);
    if (audience.kind === 'nonRespondents') throw new CampaignError({ code: 'notRemindable' });
    this.checkChosen(input.kind, audience);
    await this.checkDepartments(audience);
    const recipients = await this.deps.kinds.recipients({ ...input, audience });
    const total: AudiencePreview = {
      audience: 0,
      reachable: 0,
      alreadyCompleted: 0,
      unreachable: 0,
    };
    const buckets = Array.from({ length: BUCKETS }, (_, bucket) => bucket);
    await forEachLimit(buckets, PREVIEW_CONCURRENCY, async (bucket) => {
      const part = await previewBucket(this.deps, audience, bucket, recipients);
      for (const key of Object.keys(total) as (keyof AudiencePreview)[]) total[key] += part[key];
    });
    return total;
  }

  /**
   * Schedules a reminder of `campaignId` for `afterMs` after it started: at that time it goes to
   * the people who received it and have not completed (read from the respondents ledger then).
   */
  async remind(campaignId: string, afterMs: number, createdBy: string): Promise<Campaign> {
    const parent = (await this.find(campaignId)).value;
    const started =
      parent.state === 'running' || parent.state === 'paused' || parent.state === 'completed';
    const { reminder } = this.deps.kinds.get(parent.kind);
    if (!reminder || !started) throw new CampaignError({ code: 'notRemindable' });
    const from = parent.startedAt ?? parent.createdAt;
    return this.create({
      kind: reminder,
      subject: parent.subject,
      audience: { kind: 'nonRespondents', campaignId: parent.id },
      createdBy,
      notBefore: new Date(Math.max(this.now().getTime(), from.getTime() + afterMs)),
    });
  }

  /** Whether a campaign of `kind` can be reminded (its kind declares a reminder). */
  remindable(kind: string): boolean {
    return this.deps.kinds.has(kind) && this.deps.kinds.get(kind).reminder !== undefined;
  }

  async pause(id: string): Promise<Campaign> {
    return this.transition(id, PAUSABLE, () => 'paused');
  }

  async resume(id: string): Promise<Campaign> {
    return this.transition(id, ['paused'], (c) =>
      c.expandedBuckets === BUCKETS ? 'running' : 'preparing',
    );
  }

  async cancel(id: string): Promise<Campaign> {
    return this.transition(id, [...PAUSABLE, 'paused'], () => 'cancelled');
  }

  async list(): Promise<Campaign[]> {
    return this.deps.campaigns.list();
  }

  async status(id: string): Promise<CampaignStatus> {
    const campaign = (await this.find(id)).value;
    const shards = await this.deps.shards.ofCampaign(id);
    const counts = emptyCounts();
    const now = Date.now();
    let sending = false;
    for (const { value } of shards) {
      for (const key of Object.keys(counts) as (keyof ShardCounts)[]) counts[key] += value[key];
      if (!value.done && value.leaseUntil > now) sending = true;
    }
    return {
      campaign,
      ...campaignProgress(counts, campaign, this.deps.ratePerSecond),
      sending,
    };
  }

  /**
   * Recipients without a chat with the bot (the app is not installed for them), with what IT
   * needs to install it for them, from the directory as it is now (one range read per part that
   * has any). Personal data: for the programme team only.
   */
  async unreachable(id: string): Promise<UnreachablePerson[]> {
    await this.find(id);
    const shards = await this.deps.shards.ofCampaign(id);
    const found: UnreachablePerson[] = [];
    for (const { value } of shards) {
      if (value.unreachable === 0) continue;
      const [rows, people] = await Promise.all([
        this.deps.deliveries.shard(id, value.bucket),
        this.deps.people.inBuckets(peoplePartitions(value.bucket)),
      ]);
      const byId = new Map(people.map((p) => [personId(p), p]));
      for (const { value: row } of rows) {
        if (row.status !== 'unreachable') continue;
        const person = byId.get(row.personId);
        found.push({
          personId: row.personId,
          ...(person
            ? {
                displayName: person.displayName,
                ...(person.upn ? { upn: person.upn } : {}),
                department: departmentOf(person),
              }
            : {}),
        });
      }
    }
    const key = (p: UnreachablePerson) =>
      `${p.department ?? ''}\u0000${p.displayName ?? p.personId}`;
    return found.sort((a, b) => key(a).localeCompare(key(b)));
  }

  private async create(
    fields: Pick<Campaign, 'kind' | 'subject' | 'audience' | 'createdBy'> & {
      notBefore?: Date;
      id?: string;
    },
  ): Promise<Campaign> {
    const now = this.now();
    const campaign: Campaign = {
      id: fields.id ?? newCampaignId(now),
      kind: fields.kind,
      audience: fields.audience,
      subject: fields.subject,
      state: 'preparing',
      notBefore: fields.notBefore ?? now,
      createdAt: now,
      createdBy: fields.createdBy,
      expandedBuckets: 0,
      changedAt: now,
    };
    await this.deps.campaigns.insert(campaign);
    return campaign;
  }

  /**
   * Refuses an audience nobody is in, one naming departments the directory does not have, or one
   * left to a kind that chooses nobody.
   */
  private async checkAudience(
    campaign: Pick<Campaign, 'kind' | 'subject' | 'audience'>,
  ): Promise<void> {
    const { audience } = campaign;
    this.checkChosen(campaign.kind, audience);
    await this.checkDepartments(audience);
    const { chosen } = await this.deps.kinds.recipients(campaign);
    if (!(await this.deps.people.some((person) => inAudience(audience, person, chosen)))) {
      throw new CampaignError({ code: 'emptyAudience' });
    }
  }

  private checkChosen(kind: string, audience: Audience): void {
    if (audience.kind === 'chosen' && !this.deps.kinds.choosesRecipients(kind)) {
      throw new CampaignError({ code: 'emptyAudience' });
    }
  }

  private async checkDepartments(audience: Audience): Promise<void> {
    if (audience.kind === 'departments') {
      const known = new Set(
        (await this.deps.orgUnits.list()).filter((u) => u.path.length === 1).map((u) => u.path[0]),
      );
      const unknown = audience.departments.filter((d) => !known.has(d));
      if (unknown.length > 0) {
        throw new CampaignError({ code: 'unknownDepartments', departments: unknown });
      }
    }
  }

  private async find(id: string) {
    if (!CampaignIdSchema.safeParse(id).success)
      throw new CampaignError({ code: 'unknownCampaign' });
    const stored = await this.deps.campaigns.get(id);
    if (!stored) throw new CampaignError({ code: 'unknownCampaign' });
    return stored;
  }

  private async transition(
    id: string,
    from: readonly CampaignState[],
    to: (campaign: Campaign) => CampaignState,
  ): Promise<Campaign> {
    return retryOnConflict(async () => {
      const stored = await this.find(id);
      const campaign = stored.value;
      if (!from.includes(campaign.state)) {
        throw new CampaignError({ code: 'notAllowed', state: campaign.state });
      }
      const now = this.now();
      const state = to(campaign);
      const next: Campaign = {
        ...campaign,
        state,
        changedAt: now,
        ...(state === 'cancelled' ? { endedAt: now } : {}),
      };
      await this.deps.campaigns.update(next, stored.etag);
      return next;
    });
  }
}
