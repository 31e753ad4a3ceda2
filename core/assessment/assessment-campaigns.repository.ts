import { z } from 'zod';
import type { Locale } from '../directory/person';
import { privacyPolicy, type PrivacyPolicy } from '../privacy/suppression';
import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { BAND_IDS, type BandId, type Questionnaire } from './questionnaire';

/**
 * One row per assessment campaign with aggregates: its names, and the privacy thresholds locked
 * before its first aggregates were written. PartitionKey: {@link PARTITION} (the dashboard lists
 * every campaign with one partition query); RowKey: the encoded campaign id.
 */
export const ASSESSMENT_CAMPAIGNS_TABLE = 'assessmentcampaigns';
const PARTITION = 'assessment';

/** Where a band starts: a 0–100 score of at least `min`, up to the next band's. */
export interface BandThreshold {
  id: BandId;
  min: number;
}

/** An assessment campaign as its screens and exports name it, with its locked thresholds. */
export interface AssessmentCampaign {
  id: string;
  questionnaireId: string;
  version: number;
  title: Record<Locale, string>;
  /** The questionnaire's dimensions when the campaign started: later versions may rename them. */
  dimensions: { id: string; name: Record<Locale, string> }[];
  policy: PrivacyPolicy;
  /** The questionnaire's band thresholds, lowest first: the bands its results were scored in. */
  bands: BandThreshold[];
  lockedAt: Date;
}

/** The campaign `id` of `questionnaire`, under `policy`, as it would be locked at `at`. */
export function campaignOf(
  questionnaire: Questionnaire,
  id: string,
  policy: PrivacyPolicy,
  at: Date,
): AssessmentCampaign {
  return {
    id,
    questionnaireId: questionnaire.id,
    version: questionnaire.version,
    title: questionnaire.title,
    dimensions: questionnaire.dimensions.map(({ id: dimension, name }) => ({
      id: dimension,
      name,
    })),
    policy,
    bands: questionnaire.bands.map(({ id: band, min }) => ({ id: band, min })),
    lockedAt: at,
  };
}

const Localized = z.object({ 'it-IT': z.string(), 'en-US': z.string() } satisfies Record<
  Locale,
  z.ZodString
>);
const DimensionsSchema = z.array(z.object({ id: z.string(), name: Localized }));
const BandsSchema = z.array(z.object({ id: z.enum(BAND_IDS), min: z.number() }));
/**
 * Rows locked before the thresholds were recorded: every one was of digital-mindset v1, whose
 * bands have started at 0, 50 and 75 since its first version.
 */
const BANDS_BEFORE_RECORDED: BandThreshold[] = [
  { id: 'base', min: 0 },
  { id: 'intermediate', min: 50 },
  { id: 'advanced', min: 75 },
];

const mapping: EntityMapping<AssessmentCampaign> = {
  keys: (c) => ({ partitionKey: PARTITION, rowKey: encodeKey(c.id) }),
  toEntity: (c) => ({
    questionnaireId: c.questionnaireId,
    version: c.version,
    title: JSON.stringify(c.title),
    dimensions: JSON.stringify(c.dimensions),
    k: c.policy.k,
    freeTextK: c.policy.freeTextK,
    bands: JSON.stringify(c.bands),
    lockedAt: c.lockedAt,
  }),
  fromEntity: (e) => ({
    id: decodeKey(String(e.rowKey)),
    questionnaireId: String(e.questionnaireId),
    version: Number(e.version),
    title: Localized.parse(JSON.parse(String(e.title))),
    dimensions: DimensionsSchema.parse(JSON.parse(String(e.dimensions))),
    policy: privacyPolicy(Number(e.k), Number(e.freeTextK)),
    bands:
      typeof e.bands === 'string' ? BandsSchema.parse(JSON.parse(e.bands)) : BANDS_BEFORE_RECORDED,
    lockedAt: asDate(e.lockedAt),
  }),
};

export class AssessmentCampaignsRepository {
  private readonly table: EntityTable<AssessmentCampaign>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(ASSESSMENT_CAMPAIGNS_TABLE), mapping);
  }

  /**
   * Records `campaign` unless it is already recorded, and returns the stored row: concurrent
   * first writers all get the one that was inserted first. Rows are never changed afterwards.
   */
  async lock(campaign: AssessmentCampaign): Promise<AssessmentCampaign> {
    const locked = await this.table.modify(mapping.keys(campaign), (current) =>
      current ? undefined : campaign,
    );
    return locked ?? campaign;
  }

  async find(id: string): Promise<AssessmentCampaign | undefined> {
    return (await this.table.get(PARTITION, encodeKey(id)))?.value;
  }

  /** Every recorded campaign, the most recently locked first. */
  async list(): Promise<AssessmentCampaign[]> {
    const rows = await this.table.all(odata`PartitionKey eq ${PARTITION}`);
    return rows
      .map(({ value }) => value)
      .sort((a, b) => b.lockedAt.getTime() - a.lockedAt.getTime());
  }
}
