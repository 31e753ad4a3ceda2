import type { Campaign } from '../core/delivery/campaign';
import type { Delivery } from '../core/delivery/deliveries.repository';
import type { Services } from '../server/app';

/** A finished invitation campaign, started by `createdBy` and ended at `endedAt`. */
export async function endedCampaign(
  services: Services,
  id: string,
  createdBy: string,
  endedAt: Date,
): Promise<Campaign> {
  const campaign: Campaign = {
    id,
    kind: 'assessment',
    audience: { kind: 'all' },
    subject: services.assessment.campaignId,
    state: 'completed',
    notBefore: endedAt,
    createdAt: endedAt,
    createdBy,
    expandedBuckets: 32,
    startedAt: endedAt,
    endedAt,
    changedAt: endedAt,
  };
  await services.delivery.campaigns.insert(campaign);
  return campaign;
}

/** A delivery row of `campaignId` for the person with `objectId`, in `status`. */
export async function deliveredTo(
  services: Services,
  campaignId: string,
  objectId: string,
  status: Delivery['status'],
  at: Date,
): Promise<void> {
  await services.delivery.deliveries.writeShard([
    {
      campaignId,
      bucket: 3,
      personId: `oid:${objectId}`,
      locale: 'it-IT',
      status,
      target: { serviceUrl: 'https://smba.example/', conversationId: `a:${objectId}` },
      attempts: 1,
      throttled: 0,
      notBefore: 0,
      inDoubt: false,
      updatedAt: at,
      ...(status === 'sent' ? { sentAt: at } : {}),
    },
  ]);
}

/** A personal chat reference, as the bot stores it on an inbound message. */
export async function chatWith(services: Services, objectId: string, at: Date): Promise<void> {
  await services.conversationRefs.save({
    scope: 'personal',
    conversationId: `a:${objectId}`,
    userObjectId: objectId,
    reference: JSON.stringify({ user: { aadObjectId: objectId } }),
    updatedAt: at,
  });
}
