import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { Campaign } from '../core/delivery/campaign';
import { campaignProgress } from '../core/delivery/campaign-progress';
import type { CampaignStatus } from '../core/delivery/campaign.service';
import { emptyCounts } from '../core/delivery/shards.repository';
import { observeCampaigns } from './telemetry-campaigns';

const NOW = Date.now();

function campaign(
  id: string,
  state: Campaign['state'],
  notBefore = new Date(NOW - 1_000),
): Campaign {
  return {
    id,
    kind: 'assessment',
    audience: { kind: 'all' },
    subject: 'digital-mindset-v1',
    state,
    notBefore,
    createdAt: new Date(NOW - 60_000),
    createdBy: 'admin',
    expandedBuckets: 32,
    changedAt: new Date(NOW - 60_000),
  };
}

describe('campaign metrics', () => {
  it('reports progress and recipients of sending campaigns only, by campaign id', async () => {
    const campaigns = [
      campaign('c-running', 'running'),
      campaign('c-due', 'preparing'),
      campaign('c-later', 'preparing', new Date(NOW + 86_400_000)),
      campaign('c-paused', 'paused'),
      campaign('c-done', 'completed'),
    ];
    const counts = { ...emptyCounts(), total: 10, sent: 4, failed: 1 };
    const service = {
      list: async () => campaigns,
      status: async (id: string): Promise<CampaignStatus> => {
        const c = campaigns.find((x) => x.id === id)!;
        return { campaign: c, ...campaignProgress(counts, c, 50), sending: true };
      },
    };
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    observeCampaigns(service, provider.getMeter('test'));
    await reader.forceFlush();
    const metrics = exporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics));
    const points = (name: string) =>
      metrics
        .filter((m) => m.descriptor.name === name)
        .flatMap((m) => m.dataPoints as { attributes: object; value: unknown }[])
        .map((p) => ({ ...p.attributes, value: p.value }));
    expect(points('oibo.campaign.progress')).toEqual([
      { 'campaign.id': 'c-running', 'campaign.kind': 'assessment', value: 0.5 },
      { 'campaign.id': 'c-due', 'campaign.kind': 'assessment', value: 0.5 },
    ]);
    expect(points('oibo.campaign.recipients')).toContainEqual({
      'campaign.id': 'c-running',
      'campaign.kind': 'assessment',
      status: 'failed',
      value: 1,
    });
    await provider.shutdown();
  });
});
