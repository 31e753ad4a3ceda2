import type { Logger } from 'pino';
import { demoCampaigns } from '../core/assessment/demo-campaigns';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { departmentOf } from '../core/directory/person';
import { demoCandidates } from '../core/facilitators/demo-candidates';
import { seedDemoLabs } from '../core/labs/demo-labs';
import { seedDemoPosts } from '../core/workspace/demo-posts';
import users from '../content/demo/playground-users.json';
import type { Services } from './app';

/** Demo facilitators joined the community this long ago: some months of a training year. */
const DEMO_FACILITATOR_MONTHS = 3;
/** The demo's Call4Ideas opened a week ago and stays open this long. */
const DEMO_CALL_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Fills an empty directory with the synthetic demo organisation, puts its facilitators on the
 * community's roster, adds two earlier assessment campaigns of synthetic aggregates so that the
 * dashboard can compare them, consenting facilitator candidates so that a selection round
 * has a shortlist, demo labs, an open Call4Ideas and workspace posts (local use only).
 */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  if (!(await services.directory.isEmpty())) return;
  const people = generateDemoDirectory();
  const summary = await services.directory.importPeople(people);
  logger.info(summary, 'demo directory created');
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - DEMO_FACILITATOR_MONTHS);
  for (const person of people.filter((p) => p.roles.includes('facilitator') && p.objectId)) {
    const department = departmentOf(person);
    await services.facilitators.add({
      objectId: person.objectId!,
      department,
      roundId: 'demo',
      since,
    });
  }
  const current = services.assessment.describeCampaign();
  for (const { campaign, rows } of demoCampaigns(current, services.questionnaire, people)) {
    await services.assessmentCampaigns.lock(campaign);
    await services.aggregates.replaceCampaign(campaign.id, rows);
    logger.info({ campaignId: campaign.id, rows: rows.length }, 'demo campaign created');
  }
  const candidates = demoCandidates(people);
  await services.candidates.upsertMany(candidates);
  logger.info({ candidates: candidates.length }, 'demo facilitator candidates created');
  const [giulia, , sara, davide] = users.map((u) => u.objectId);
  const labs = await seedDemoLabs(services.labs, { sara: sara!, giulia: giulia!, davide: davide! });
  logger.info({ labs }, 'demo labs created');
  const call = await services.ideas.saveCall(
    { objectId: sara!, name: null, department: null, admin: true },
    {
      title: 'Call4Ideas 2026',
      question: 'Quali procedimenti e servizi hanno più bisogno di trasformazione digitale?',
      opensAt: new Date(Date.now() - 7 * DAY_MS),
      closesAt: new Date(Date.now() + DEMO_CALL_DAYS * DAY_MS),
    },
  );
  logger.info({ callId: call.id }, 'demo call for ideas opened');
  const posts = await seedDemoPosts(services.posts, sara!);
  logger.info({ posts }, 'demo workspace posts published');
}
