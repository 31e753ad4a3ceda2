import type { Translate } from '../i18n/translator';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import type { Person } from '../directory/person';
import { retryOnConflict } from '../store/retry';
import { inAudience } from './audience';
import {
  AudienceSchema,
  BUCKETS,
  CampaignIdSchema,
  newCampaignId,
  type Audience,
  type Campaign,
  type CampaignState,
} from './campaign';
import type { CampaignsRepository } from './campaigns.repository';
import { campaignProgress, type CampaignProgress } from './campaign-progress';
import type { DeliveriesRepository } from './deliveries.repository';
import { emptyCounts, type ShardCounts, type ShardsRepository } from './shards.repository';

/** Why a campaign operation was refused; the API and the CLI word it for people. */
export type CampaignProblem =
  | { code: 'emptyAudience' }
  | { code: 'unknownDepartments'; departments: string[] }
  | { code: 'unknownCampaign' }
  | { code: 'notAllowed'; state: CampaignState }
  | { code: 'notRemindable' };

export class CampaignError extends Error {
  constructor(readonly problem: CampaignProblem) {
    super(`campaign: ${problem.code}`);
    this.name = 'CampaignError';
  }
}

export interface CampaignStatus extends CampaignProgress {
  campaign: Campaign;
  /** Whether some instance holds a live lease on part of it right now. */
  sending: boolean;
}

export interface CampaignServiceDeps {
  campaigns: CampaignsRepository;
  shards: ShardsRepository;
  deliveries: DeliveriesRepository;
  people: { some(predicate: (person: Person) => boolean): Promise<boolean> };
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  /** The assessment campaign invitations point to. */
  assessmentSubject: string;
  ratePerSecond: number;
  now?: () => Date;
}

const PAUSABLE: readonly CampaignState[] = ['preparing', 'running'];

/** What the programme team does with campaigns, from the CLI or the tab's admin API. */
export class CampaignService {
  private readonly now: () => Date;

  constructor(private readonly deps: CampaignServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Creates an assessment invitation campaign; the engine expands and sends it. */
  async start(input: { audience: unknown; createdBy: string }): Promise<Campaign> {
    const audience = AudienceSchema.parse(input.audience);
    if (audience.kind === 'nonRespondents') throw new CampaignError({ code: 'notRemindable' });
    await this.checkAudience(audience);
    return this.create({ kind: 'assessment', audience, createdBy: input.createdBy });
  }

  /**
   * Schedules a reminder of `campaignId` for `afterMs` after it started: at that time it goes to
   * the people who received it and have not completed (read from the respondents ledger then).
   */
  async remind(campaignId: string, afterMs: number, createdBy: string): Promise<Campaign> {
    const parent = (await this.find(campaignId)).value;
    const started =
      parent.state === 'running' || parent.state === 'paused' || parent.state === 'completed';
    if (parent.kind !== 'assessment' || !started) {
      throw new CampaignError({ code: 'notRemindable' });
    }
    const from = parent.startedAt ?? parent.createdAt;
    return this.create({
      kind: 'reminder',
      audience: { kind: 'nonRespondents', campaignId: parent.id },
      createdBy,
      notBefore: new Date(Math.max(this.now().getTime(), from.getTime() + afterMs)),
    });
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

  /** Recipients without a chat with the bot (the app is not installed for them): person ids. */
  async unreachable(id: string): Promise<string[]> {
    await this.find(id);
    const shards = await this.deps.shards.ofCampaign(id);
    const ids: string[] = [];
    for (const { value } of shards) {
      if (value.unreachable === 0) continue;
      for (const row of await this.deps.deliveries.shard(id, value.bucket)) {
        if (row.value.status === 'unreachable') ids.push(row.value.personId);
      }
    }
    return ids.sort();
  }

  private async create(
    fields: Pick<Campaign, 'kind' | 'audience' | 'createdBy'> & { notBefore?: Date },
  ): Promise<Campaign> {
    const now = this.now();
    const campaign: Campaign = {
      id: newCampaignId(now),
      kind: fields.kind,
      audience: fields.audience,
      subject: this.deps.assessmentSubject,
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

  /** Refuses an audience nobody is in, or one naming departments the directory does not have. */
  private async checkAudience(audience: Audience): Promise<void> {
    if (audience.kind === 'departments') {
      const known = new Set(
        (await this.deps.orgUnits.list()).filter((u) => u.path.length === 1).map((u) => u.path[0]),
      );
      const unknown = audience.departments.filter((d) => !known.has(d));
      if (unknown.length > 0) {
        throw new CampaignError({ code: 'unknownDepartments', departments: unknown });
      }
    }
    if (!(await this.deps.people.some((person) => inAudience(audience, person)))) {
      throw new CampaignError({ code: 'emptyAudience' });
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

/** A refusal in words, for the CLI (English) and the API (the caller's language). */
export function describeProblem(t: Translate, problem: CampaignProblem): string {
  switch (problem.code) {
    case 'unknownDepartments':
      return t('campaign.problem.unknownDepartments', {
        departments: problem.departments.join(', '),
      });
    case 'notAllowed':
      return t('campaign.problem.notAllowed', { state: t(`campaign.state.${problem.state}`) });
    default:
      return t(`campaign.problem.${problem.code}`);
  }
}
