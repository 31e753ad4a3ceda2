import { AGGREGATES_TABLE, type AggregatesRepository } from '../assessment/aggregates.repository';
import { RESPONSES_TABLE, type ResponsesRepository } from '../assessment/responses.repository';
import { AUDIT_TABLE, type AuditLog } from '../audit/audit-log';
import { isFinal } from '../delivery/campaign';
import type { CampaignsRepository } from '../delivery/campaigns.repository';
import { BUCKETS } from '../delivery/campaign';
import { DELIVERIES_TABLE, type DeliveriesRepository } from '../delivery/deliveries.repository';
import { RESPONDENTS_TABLE, type RespondentsRepository } from '../delivery/respondents.repository';
import type { RetentionRule } from './retention';

/** Answers and results, from their last change (an abandoned one too). */
export function responsesRule(responses: ResponsesRepository): RetentionRule {
  return {
    kind: 'resultsDays',
    table: RESPONSES_TABLE,
    async *expired(cutoff) {
      for await (const row of responses.changedBefore(cutoff)) {
        yield {
          row: {
            kind: 'resultsDays',
            table: RESPONSES_TABLE,
            id: `${row.value.pseudonym}|${row.value.campaignId}`,
            since: row.value.updatedAt,
          },
          purge: () => responses.delete(row),
        };
      }
    },
  };
}

export function respondentsRule(respondents: RespondentsRepository): RetentionRule {
  return {
    kind: 'resultsDays',
    table: RESPONDENTS_TABLE,
    async *expired(cutoff) {
      for await (const row of respondents.completedBefore(cutoff)) {
        yield {
          row: {
            kind: 'resultsDays',
            table: RESPONDENTS_TABLE,
            id: `${row.value.pseudonym}|${row.value.subject}`,
            since: row.value.completedAt,
          },
          purge: () => respondents.delete(row),
        };
      }
    },
  };
}

/**
 * Waiting rows of the aggregates queue: a submission not counted within the results' period
 * (its response is purged too), and an erased result not taken back within its cap.
 */
export function aggregatesQueueRule(
  aggregates: AggregatesRepository,
  change: 'add' | 'remove',
): RetentionRule {
  const kind = change === 'add' ? 'resultsDays' : 'erasedResultsDays';
  return {
    kind,
    table: AGGREGATES_TABLE,
    async *expired(cutoff) {
      for await (const row of aggregates.pendingBefore(change, cutoff)) {
        const { campaignId, pseudonym, queuedAt, at } = row.value;
        yield {
          row: {
            kind,
            table: AGGREGATES_TABLE,
            id: `${campaignId}|${change}|${pseudonym}`,
            since: queuedAt ?? at,
          },
          purge: () => aggregates.dequeue(row),
        };
      }
    },
  };
}

/** A campaign's delivery rows, from the end of the campaign. */
export function deliveriesRule(
  campaigns: CampaignsRepository,
  deliveries: DeliveriesRepository,
): RetentionRule {
  return {
    kind: 'deliveriesDays',
    table: DELIVERIES_TABLE,
    async *expired(cutoff) {
      for (const campaign of await campaigns.list()) {
        const { endedAt } = campaign;
        if (!isFinal(campaign.state) || !endedAt || endedAt >= cutoff) continue;
        for (let bucket = 0; bucket < BUCKETS; bucket++) {
          for (const row of await deliveries.shard(campaign.id, bucket)) {
            yield {
              row: {
                kind: 'deliveriesDays',
                table: DELIVERIES_TABLE,
                id: `${campaign.id}|${row.value.personId}`,
                since: endedAt,
              },
              purge: () => deliveries.delete(row),
            };
          }
        }
      }
    },
  };
}

export function auditRule(audit: AuditLog): RetentionRule {
  return {
    kind: 'auditDays',
    table: AUDIT_TABLE,
    async *expired(cutoff) {
      for await (const entry of audit.before(cutoff)) {
        yield {
          row: {
            kind: 'auditDays',
            table: AUDIT_TABLE,
            id: `${entry.value.action}|${entry.value.id}`,
            since: entry.value.at,
          },
          purge: () => audit.delete(entry),
        };
      }
    },
  };
}
