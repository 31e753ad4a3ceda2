import type {
  IdeaStatus,
  Overview,
  OverviewDimensionUnit,
  OverviewParticipationCell,
} from '../src/api/types';
import { currentCampaign, earlierCampaign } from './fixtures';

const AREA = 'Area Educazione, Istruzione e Nuove Generazioni';
const SPORT = 'Area Sport';
const SMALL = 'Area Piccola';

const cell = (
  orgUnitPath: string[],
  invited: number,
  completed: number,
): OverviewParticipationCell => ({
  orgUnitPath,
  direct: false,
  hidden: false,
  invited,
  completed,
  rate: completed / invited,
});
const hiddenCell = (orgUnitPath: string[]): OverviewParticipationCell => ({
  orgUnitPath,
  direct: false,
  hidden: true,
  invited: null,
  completed: null,
  rate: null,
});

const same = { mean: null, delta: null, reason: 'noData' } as const;
const dimensionUnit = (
  orgUnitPath: string[],
  means: [string, number, number | null][],
): OverviewDimensionUnit => ({
  orgUnitPath,
  direct: false,
  hidden: false,
  scores: means.map(([id, mean, delta], i) => ({
    id,
    mean,
    rank: i + 1,
    comparison: delta === null ? same : { mean: mean - delta, delta, reason: null },
  })),
});

const statuses = (counts: Partial<Record<IdeaStatus, number>>): Record<IdeaStatus, number> => ({
  submitted: 0,
  underReview: 0,
  accepted: 0,
  implemented: 0,
  notFeasible: 0,
  outOfScope: 0,
  ...counts,
});

/**
 * The whole programme as an admin sees it: three departments, the smallest hidden (and its
 * neighbour with it, so that it cannot be read off the total), two weeks, two surveys (one
 * hidden), two dimensions' change since the earlier campaign, two lab themes and the ideas.
 */
export function overview(overrides: Partial<Overview> = {}): Overview {
  return {
    scope: [],
    refreshedAt: '2026-11-20T10:30:00.000Z',
    participation: {
      campaign: currentCampaign,
      publishedAt: '2026-11-20T10:00:00.000Z',
      total: cell([], 400, 180),
      units: [cell([AREA], 300, 150), hiddenCell([SPORT]), hiddenCell([SMALL])],
      weeks: [
        {
          week: '2026-W46',
          startsOn: '2026-11-09',
          total: 90,
          units: [80, null, null],
        },
        {
          week: '2026-W47',
          startsOn: '2026-11-16',
          total: 180,
          units: [150, null, null],
        },
      ],
      surveys: [
        {
          id: 's1',
          title: { 'it-IT': 'La comunicazione del programma', 'en-US': 'Programme communication' },
          state: 'open',
          closesAt: '2026-12-01T18:00:00.000Z',
          hidden: false,
          responses: 42,
          audience: 120,
          rate: 0.35,
        },
        {
          id: 's2',
          title: { 'it-IT': 'Il lavoro agile', 'en-US': 'Agile working' },
          state: 'closed',
          closesAt: '2026-10-01T18:00:00.000Z',
          hidden: true,
          responses: null,
          audience: null,
          rate: null,
        },
      ],
    },
    dimensions: {
      campaign: currentCampaign,
      compare: earlierCampaign,
      names: [
        {
          id: 'digital-skills',
          name: { 'it-IT': 'Competenze digitali', 'en-US': 'Digital skills' },
        },
        {
          id: 'innovation-proactivity',
          name: { 'it-IT': 'Innovazione e proattività', 'en-US': 'Innovation and proactivity' },
        },
        {
          id: 'relationships',
          name: {
            'it-IT': 'Atteggiamento verso le relazioni',
            'en-US': 'Attitude to relationships',
          },
        },
      ],
      total: dimensionUnit(
        [],
        [
          ['innovation-proactivity', 78.4, 4.2],
          ['relationships', 74.1, -1.5],
          ['digital-skills', 61, null],
        ],
      ),
      units: [
        dimensionUnit(
          [AREA],
          [
            ['relationships', 80.2, 2],
            ['innovation-proactivity', 77, 0],
            ['digital-skills', 58.5, null],
          ],
        ),
        { orgUnitPath: [SPORT], direct: false, hidden: true, scores: [] },
      ],
    },
    facilitators: {
      total: {
        orgUnitPath: [],
        employees: 400,
        facilitators: 6,
        target: 8,
        hidden: false,
        trainingHours: 96,
        trainingTargetHours: 144,
      },
      units: [
        {
          orgUnitPath: [AREA],
          employees: 300,
          facilitators: 5,
          target: 6,
          hidden: false,
          trainingHours: 80,
          trainingTargetHours: 120,
        },
        {
          orgUnitPath: [SPORT],
          employees: 80,
          facilitators: 1,
          target: 2,
          hidden: true,
          trainingHours: null,
          trainingTargetHours: null,
        },
      ],
    },
    labs: {
      themes: [
        {
          themeId: 'payments',
          name: { 'it-IT': 'Pagamenti elettronici', 'en-US': 'Electronic payments' },
          labs: 2,
          active: 1,
          members: 14,
          tasksDone: 9,
          tasksOverdue: 2,
          lastUpdateAt: '2026-11-18T09:00:00.000Z',
        },
        {
          themeId: 'task-management',
          name: { 'it-IT': 'Gestione condivisa delle attività', 'en-US': 'Shared task management' },
          labs: 1,
          active: 0,
          members: 5,
          tasksDone: 0,
          tasksOverdue: 0,
          lastUpdateAt: null,
        },
      ],
      total: {
        labs: 3,
        active: 1,
        members: 19,
        tasksDone: 9,
        tasksOverdue: 2,
        lastUpdateAt: '2026-11-18T09:00:00.000Z',
      },
    },
    ideas: {
      total: 30,
      funnel: statuses({
        submitted: 12,
        underReview: 8,
        accepted: 5,
        implemented: 3,
        notFeasible: 2,
      }),
      implemented: 3,
      areas: [
        {
          area: AREA,
          ideas: 20,
          byStatus: statuses({
            submitted: 8,
            underReview: 6,
            accepted: 3,
            implemented: 2,
            notFeasible: 1,
          }),
        },
        {
          area: SPORT,
          ideas: 10,
          byStatus: statuses({
            submitted: 4,
            underReview: 2,
            accepted: 2,
            implemented: 1,
            notFeasible: 1,
          }),
        },
      ],
      top: [
        {
          id: 'i1',
          title: 'Prenotare le palestre online',
          area: SPORT,
          status: 'accepted',
          votes: 41,
        },
        {
          id: 'i2',
          title: 'Firma digitale per i permessi',
          area: AREA,
          status: 'implemented',
          votes: 17,
        },
      ],
    },
    ...overrides,
  };
}
