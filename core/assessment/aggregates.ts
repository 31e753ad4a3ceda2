import { BAND_IDS, type BandId } from './questionnaire';
import type { AssessmentResult } from './scoring';

/** The row that counts submissions per org unit, beside one row per dimension. */
export const PARTICIPANTS = '_participants';

/**
 * Additive statistics of one campaign × org unit × dimension. Scores are kept in integer tenths
 * (squares in hundredths) so that incremental updates and a rebuild give identical numbers.
 */
export interface AggregateValues {
  count: number;
  sumTenths: number;
  sumSqHundredths: number;
  bands: Record<BandId, number>;
}

export interface AggregateKey {
  campaignId: string;
  orgUnitPath: string[];
  dimension: string;
}

export type AggregateRow = AggregateKey & AggregateValues;

export function emptyValues(): AggregateValues {
  return {
    count: 0,
    sumTenths: 0,
    sumSqHundredths: 0,
    bands: { base: 0, intermediate: 0, advanced: 0 },
  };
}

/** What one submitted result adds to (sign 1) or removes from (sign −1) the aggregates. */
export function contributionOf(
  result: AssessmentResult,
  sign: 1 | -1,
): Map<string, AggregateValues> {
  const rows = new Map<string, AggregateValues>();
  rows.set(PARTICIPANTS, { ...emptyValues(), count: sign });
  for (const { dimension, score, band } of result.dimensions) {
    if (score === null || band === null) continue;
    const tenths = Math.round(score * 10);
    const values = {
      count: sign,
      sumTenths: sign * tenths,
      sumSqHundredths: sign * tenths * tenths,
      bands: emptyValues().bands,
    };
    values.bands[band] = sign;
    rows.set(dimension, values);
  }
  return rows;
}

export function addValues(a: AggregateValues, b: AggregateValues): AggregateValues {
  const bands = emptyValues().bands;
  for (const band of BAND_IDS) bands[band] = a.bands[band] + b.bands[band];
  return {
    count: a.count + b.count,
    sumTenths: a.sumTenths + b.sumTenths,
    sumSqHundredths: a.sumSqHundredths + b.sumSqHundredths,
    bands,
  };
}

/**
 * Adds one submitted result to `totals` (keyed by dimension and org unit) exactly as a submission
 * adds it to the stored rows: a rebuild, or synthetic demo data, gives the incremental numbers.
 */
export function addResult(
  totals: Map<string, AggregateRow>,
  campaignId: string,
  orgUnitPath: string[],
  result: AssessmentResult,
): void {
  for (const [dimension, delta] of contributionOf(result, 1)) {
    const key = `${dimension}|${orgUnitPath.join('\u0000')}`;
    const current = totals.get(key) ?? { campaignId, orgUnitPath, dimension, ...emptyValues() };
    totals.set(key, { ...current, ...addValues(current, delta) });
  }
}
