import { AGGREGATES_TABLE, type AggregatesRepository } from '../assessment/aggregates.repository';
import type { AssessmentService } from '../assessment/assessment.service';
import { RESPONSES_TABLE } from '../assessment/responses.repository';
import { AUDIT_TABLE, ERASED_SUBJECT, type AuditLog } from '../audit/audit-log';
import {
  CONVERSATION_REFS_TABLE,
  type ConversationRefsRepository,
} from '../conversations/conversation-refs.repository';
import { CAMPAIGNS_TABLE, type CampaignsRepository } from '../delivery/campaigns.repository';
import { DELIVERIES_TABLE, type DeliveriesRepository } from '../delivery/deliveries.repository';
import { RESPONDENTS_TABLE, type RespondentsRepository } from '../delivery/respondents.repository';
import type { DirectoryService } from '../directory/directory.service';
import { PEOPLE_TABLE, type PeopleRepository } from '../directory/people.repository';
import { ROLE_GRANTS_TABLE } from '../directory/role-grants.repository';
import { personId } from '../directory/person';
import type { PersonalDataHolder } from './personal-data';
import { IDENTITY_LINKS_TABLE, type Pseudonyms } from './pseudonyms';

const keepsEverything = async (): Promise<void> => {};

export function directoryData(
  directory: DirectoryService,
  people: PeopleRepository,
): PersonalDataHolder {
  return {
    tables: [PEOPLE_TABLE, ROLE_GRANTS_TABLE],
    export: async ({ objectId }) => ({
      directory: (await directory.find({ objectId })) ?? null,
      rolesGrantedInApp: await people.grantsOf(objectId),
    }),
    erase: keepsEverything,
    leaves:
      "the directory entry: HR's import owns it, and removes it when the person leaves; a role " +
      'granted in the app (facilitator) stays until an admin revokes it or the person withdraws',
  };
}

export function assessmentData(
  assessment: AssessmentService,
  aggregates: AggregatesRepository,
): PersonalDataHolder {
  return {
    tables: [RESPONSES_TABLE, AGGREGATES_TABLE],
    export: async ({ pseudonym }) => ({
      assessments: (await assessment.responsesOf(pseudonym)).map(
        ({ pseudonym: _p, aggregated: _a, ...rest }) => rest,
      ),
      assessmentQueue: (await aggregates.pendingOf(pseudonym)).map(
        ({ pseudonym: _p, ...rest }) => rest,
      ),
    }),
    erase: ({ pseudonym }) => assessment.erase(pseudonym),
    leaves:
      'a counted result waits in the aggregates queue (pseudonym and result, no identity) until ' +
      'the next publication of its unit takes it back, or the retention cap deletes it',
  };
}

export function respondentsData(respondents: RespondentsRepository): PersonalDataHolder {
  return {
    tables: [RESPONDENTS_TABLE],
    export: async ({ pseudonym }) => ({
      completed: (await respondents.ofPerson(pseudonym)).map(({ subject, completedAt }) => ({
        subject,
        completedAt,
      })),
    }),
    erase: ({ pseudonym }) => respondents.eraseAll(pseudonym),
  };
}

export function conversationData(conversationRefs: ConversationRefsRepository): PersonalDataHolder {
  return {
    tables: [CONVERSATION_REFS_TABLE],
    export: async ({ objectId }) => {
      const conversation = await conversationRefs.personal(objectId);
      return {
        chat: conversation
          ? { scope: conversation.scope, lastContactAt: conversation.updatedAt }
          : null,
      };
    },
    erase: ({ objectId }) => conversationRefs.deletePersonal(objectId),
  };
}

/** Delivery rows are keyed by the directory's person id: the object id, or the UPN without one. */
export function deliveryData(
  deliveries: DeliveriesRepository,
  directory: DirectoryService,
): PersonalDataHolder {
  const rowsOf = async (objectId: string) => {
    const person = await directory.find({ objectId });
    const ids = [personId({ objectId: objectId.toLowerCase() })];
    if (person?.upn) ids.push(personId({ upn: person.upn }));
    return deliveries.ofRecipient(ids);
  };
  return {
    tables: [DELIVERIES_TABLE],
    export: async ({ objectId }) => ({
      messages: (await rowsOf(objectId)).map(({ value }) => ({
        campaignId: value.campaignId,
        status: value.status,
        updatedAt: value.updatedAt,
        ...(value.sentAt ? { sentAt: value.sentAt } : {}),
      })),
    }),
    erase: async ({ objectId }) => {
      for (const row of await rowsOf(objectId)) {
        // A pending row belongs to a send in progress: the engine owns it until its outcome.
        if (row.value.status !== 'pending') await deliveries.delete(row);
      }
    },
    leaves:
      'a message still waiting to be sent in a running campaign: its row goes with the ' +
      "campaign's rows, when their retention ends",
  };
}

export function campaignsData(campaigns: CampaignsRepository): PersonalDataHolder {
  return {
    tables: [CAMPAIGNS_TABLE],
    export: async ({ objectId }) => ({
      campaignsStarted: (await campaigns.list())
        .filter((campaign) => campaign.createdBy.toLowerCase() === objectId.toLowerCase())
        .map(({ id, kind, createdAt }) => ({ id, kind, createdAt })),
    }),
    erase: keepsEverything,
    leaves: 'the campaigns the person started keep their id as creator (a privileged action)',
  };
}

export function auditData(audit: AuditLog): PersonalDataHolder {
  return {
    tables: [AUDIT_TABLE],
    export: async ({ objectId }) => {
      const id = objectId.toLowerCase();
      return {
        audit: await audit.byActor(id),
        auditAbout: (await audit.bySubject(id)).map((row) => row.value),
      };
    },
    erase: ({ objectId }) => audit.forgetSubject(objectId.toLowerCase()),
    leaves:
      "the audit entries of the person's privileged actions, until the log's retention; entries " +
      `about the person keep what was done and the admin's reason (never the person's own words, ` +
      `such as a decline's reason), their subject becomes "${ERASED_SUBJECT}"`,
  };
}

/** Erased last: an erasure stopped half-way still shows as linked in "my data", and is repeated. */
export function identityData(pseudonyms: Pseudonyms): PersonalDataHolder {
  return {
    tables: [IDENTITY_LINKS_TABLE],
    export: async ({ objectId }) => ({ linked: (await pseudonyms.find(objectId)) !== undefined }),
    erase: ({ objectId }) => pseudonyms.forget(objectId),
  };
}
