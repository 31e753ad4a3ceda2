import { metrics, type Meter } from '@opentelemetry/api';
import type { Campaign } from '../core/delivery/campaign';
import type { CampaignService } from '../core/delivery/campaign.service';
import type { MessageBuilder, ProactiveSender } from '../core/delivery/delivery-engine';

/** The meter of the app's own metrics (a no-op until telemetry is started). */
const oibo = (): Meter => metrics.getMeter('oibo');

/** Sending, or due to: a reminder waiting for its day is not stalled. */
function sending(campaign: Campaign, now: number): boolean {
  return (
    campaign.state === 'running' ||
    (campaign.state === 'preparing' && campaign.notBefore.getTime() <= now)
  );
}

/**
 * Per sending campaign, at each export (once a minute): its progress (0…1) and its recipients
 * by status, from the store, so every instance reports the same figures. The stall alert
 * (infra/modules/alerts.bicep) watches the progress. Ids and counts only.
 */
export function observeCampaigns(
  campaigns: Pick<CampaignService, 'list' | 'status'>,
  meter: Meter = oibo(),
): void {
  const progress = meter.createObservableGauge('oibo.campaign.progress', {
    description: 'Share of the expected audience settled, per sending campaign',
    unit: '1',
  });
  const recipients = meter.createObservableGauge('oibo.campaign.recipients', {
    description: 'Recipients of a sending campaign by status (sent, failed, blocked, pending, …)',
  });
  meter.addBatchObservableCallback(
    async (result) => {
      const now = Date.now();
      for (const campaign of (await campaigns.list()).filter((c) => sending(c, now))) {
        const status = await campaigns.status(campaign.id);
        const ids = { 'campaign.id': campaign.id, 'campaign.kind': campaign.kind };
        result.observe(progress, status.progress, ids);
        for (const [state, count] of Object.entries(status.counts) as [string, number][]) {
          result.observe(recipients, count, { ...ids, status: state });
        }
      }
    },
    [progress, recipients],
  );
}

/**
 * The delivery engine's sender and message builder, counting each Bot Connector attempt of this
 * instance by campaign and outcome (sent, throttled, retry, blocked, failed). The engine hands
 * the sender the activity the builder made, which is how an attempt knows its campaign.
 */
export function countedDelivery(
  sender: ProactiveSender,
  message: MessageBuilder,
): { sender: ProactiveSender; message: MessageBuilder } {
  const attempts = oibo().createCounter('oibo.delivery.attempts', {
    description: 'Bot Connector send attempts by campaign and outcome',
  });
  const campaignOf = new WeakMap<object, string>();
  return {
    message: async (campaign, delivery) => {
      const activity = await message(campaign, delivery);
      campaignOf.set(activity, campaign.id);
      return activity;
    },
    sender: {
      send: async (target, activity) => {
        const outcome = await sender.send(target, activity);
        attempts.add(1, {
          'campaign.id': campaignOf.get(activity) ?? 'unknown',
          outcome: outcome.kind,
        });
        return outcome;
      },
    },
  };
}
