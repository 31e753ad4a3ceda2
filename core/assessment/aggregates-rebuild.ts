import { addResult, type AggregateRow } from './aggregates';
import type { AggregatesRepository } from './aggregates.repository';
import type { ResponsesRepository } from './responses.repository';

/**
 * Recomputes a campaign's aggregates from the submitted responses and replaces the stored rows.
 * Incremental updates and this rebuild produce identical rows; run it after a crash or a restore.
 */
export async function rebuildAggregates(
  responses: ResponsesRepository,
  aggregates: AggregatesRepository,
  campaignId: string,
): Promise<{ responses: number; rows: number }> {
  const totals = new Map<string, AggregateRow>();
  let counted = 0;
  for await (const response of responses.submitted(campaignId)) {
    if (!response.result || !response.orgUnitPath) continue;
    counted++;
    addResult(totals, campaignId, response.orgUnitPath, response.result);
  }
  await aggregates.replaceCampaign(campaignId, [...totals.values()]);
  return { responses: counted, rows: totals.size };
}
