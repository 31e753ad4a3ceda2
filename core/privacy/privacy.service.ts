import type { AssessmentService } from '../assessment/assessment.service';
import type { ConversationRefsRepository } from '../conversations/conversation-refs.repository';
import type { DirectoryService } from '../directory/directory.service';
import type { Pseudonyms } from './pseudonyms';

/** Self-service data rights (GDPR art. 15 and 17): "my data" and "delete my data". */
export class PrivacyService {
  constructor(
    private readonly deps: {
      directory: DirectoryService;
      pseudonyms: Pseudonyms;
      assessment: AssessmentService;
      conversationRefs: ConversationRefsRepository;
    },
  ) {}

  /** Everything óiBO stores about the person, as plain data. */
  async export(objectId: string): Promise<Record<string, unknown>> {
    const [person, pseudonym, conversation] = await Promise.all([
      this.deps.directory.find({ objectId }),
      this.deps.pseudonyms.find(objectId),
      this.deps.conversationRefs.personal(objectId),
    ]);
    const assessments = pseudonym ? await this.deps.assessment.responsesOf(pseudonym) : [];
    return {
      exportedAt: new Date().toISOString(),
      directory: person ?? null,
      assessments: assessments.map(({ pseudonym: _p, aggregated: _a, ...rest }) => rest),
      chat: conversation
        ? { scope: conversation.scope, lastContactAt: conversation.updatedAt }
        : null,
    };
  }

  /**
   * Erases the person's answers and results (and their weight in every aggregate), the identity
   * link and the chat reference. The directory entry belongs to HR's import and stays.
   */
  async erase(objectId: string): Promise<void> {
    const pseudonym = await this.deps.pseudonyms.find(objectId);
    if (pseudonym) await this.deps.assessment.erase(pseudonym);
    await this.deps.pseudonyms.forget(objectId);
    await this.deps.conversationRefs.deletePersonal(objectId);
  }
}
