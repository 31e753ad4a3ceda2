import type {
  CampaignStatus,
  DashboardCampaign,
  DashboardCampaigns,
  Heatmap,
  HeatmapCell,
  Me,
  MyResults,
} from '../src/api/types';

export const giulia: Me = {
  objectId: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c60',
  displayName: 'Giulia Ferri',
  department: "Settore Servizi per l'Infanzia",
  orgUnitPath: [
    'Area Educazione, Istruzione e Nuove Generazioni',
    "Settore Servizi per l'Infanzia",
  ],
  roles: ['employee'],
  locale: 'it-IT',
};

export const marco: Me = {
  objectId: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c61',
  displayName: 'Marco Bianchi',
  department: 'Area Educazione, Istruzione e Nuove Generazioni',
  orgUnitPath: ['Area Educazione, Istruzione e Nuove Generazioni'],
  roles: ['employee', 'manager'],
  locale: 'it-IT',
};

export const results: MyResults = {
  questionnaire: { id: 'digital-mindset', version: 1, title: 'Digital Mindset' },
  bands: [
    { id: 'base', min: 0, label: 'Base' },
    { id: 'intermediate', min: 50, label: 'Intermedio' },
    { id: 'advanced', min: 75, label: 'Avanzato' },
  ],
  submittedAt: '2026-03-14T10:00:00.000Z',
  dimensions: [
    {
      id: 'digital-skills',
      name: 'Competenze digitali',
      score: 82,
      band: 'advanced',
      bandLabel: 'Avanzato',
    },
    {
      id: 'change',
      name: 'Propensione al cambiamento',
      score: 64,
      band: 'intermediate',
      bandLabel: 'Intermedio',
    },
    {
      id: 'relationships',
      name: 'Atteggiamento verso le relazioni',
      score: 38,
      band: 'base',
      bandLabel: 'Base',
    },
  ],
  strengths: ['digital-skills'],
  growth: [
    { dimension: 'relationships', suggestion: 'Partecipa a un laboratorio con altri settori.' },
  ],
};

const AREA = 'Area Educazione, Istruzione e Nuove Generazioni';
/** A unit below the area (`null`: the area's own staff, beside its settori). */
const unit = (
  name: string | null,
  cell: Omit<HeatmapCell, 'orgUnitPath' | 'bands' | 'direct' | 'opens'>,
): HeatmapCell => ({
  orgUnitPath: name ? [AREA, name] : [AREA],
  bands: null,
  direct: name === null,
  opens: false,
  ...cell,
});

/** A row the units are compared with: the organisation (`[]`) or the opened unit. */
const total = (
  orgUnitPath: string[],
  cell: Pick<HeatmapCell, 'count' | 'mean'> & Partial<HeatmapCell>,
): HeatmapCell => ({
  orgUnitPath,
  hidden: false,
  bands: null,
  direct: false,
  opens: false,
  ...cell,
});

const title = {
  'it-IT': 'Digital Mindset: autovalutazione',
  'en-US': 'Digital Mindset: self-assessment',
};

/** The current campaign, locked with k = 5 at its first result. */
export const currentCampaign: DashboardCampaign = {
  id: 'digital-mindset-v1',
  questionnaireId: 'digital-mindset',
  version: 1,
  title,
  lockedAt: '2026-03-10T09:00:00.000Z',
  k: 5,
  freeTextK: 10,
  bands: [
    { id: 'base', min: 0 },
    { id: 'intermediate', min: 50 },
    { id: 'advanced', min: 75 },
  ],
};

/** A campaign of a year before, locked with a stricter k. */
export const earlierCampaign: DashboardCampaign = {
  ...currentCampaign,
  id: 'digital-mindset-2025',
  lockedAt: '2025-03-12T09:00:00.000Z',
  k: 6,
  freeTextK: 10,
};

export const dashboardCampaigns: DashboardCampaigns = {
  current: currentCampaign,
  campaigns: [currentCampaign, earlierCampaign],
  shown: currentCampaign.id,
};

/** Marco's subtree: his own staff (hidden, 2 people), a large settore hidden to protect it, two shown. */
export const heatmap: Heatmap = {
  campaign: currentCampaign,
  publishedAt: '2026-11-20T10:30:00.000Z',
  compare: null,
  scope: [AREA],
  root: [AREA],
  participants: {
    total: 31,
    totals: [
      total([], { count: 412, mean: null, participation: { headcount: 500, rate: 0.824 } }),
      total([AREA], { count: 31, mean: null, participation: { headcount: 40, rate: 0.775 } }),
    ],
    units: [
      unit(null, { hidden: true, count: null, mean: null, participation: null }),
      unit('Settore Diritto allo Studio', {
        hidden: true,
        count: null,
        mean: null,
        participation: null,
      }),
      unit("Settore Servizi per l'Infanzia", {
        hidden: false,
        count: 12,
        mean: null,
        participation: { headcount: 15, rate: 0.8 },
      }),
      unit('Settore Scuole', { hidden: false, count: 9, mean: null, participation: null }),
    ],
  },
  dimensions: [
    {
      id: 'digital-skills',
      name: { 'it-IT': 'Competenze digitali', 'en-US': 'Digital skills' },
      totals: [total([], { count: 412, mean: 66.1 }), total([AREA], { count: 31, mean: 70.2 })],
      units: [
        unit(null, { hidden: true, count: null, mean: null }),
        unit('Settore Diritto allo Studio', { hidden: true, count: null, mean: null }),
        {
          ...unit("Settore Servizi per l'Infanzia", { hidden: false, count: 12, mean: 78.4 }),
          bands: { base: 0.25, intermediate: 0.25, advanced: 0.5 },
        },
        unit('Settore Scuole', { hidden: false, count: 9, mean: 49.6 }),
      ],
    },
    {
      id: 'change',
      name: { 'it-IT': 'Propensione al cambiamento', 'en-US': 'Propensity to change' },
      totals: [total([], { count: 412, mean: 58 }), total([AREA], { count: 31, mean: 55.5 })],
      units: [
        unit(null, { hidden: true, count: null, mean: null }),
        unit('Settore Diritto allo Studio', { hidden: true, count: null, mean: null }),
        unit("Settore Servizi per l'Infanzia", { hidden: false, count: 12, mean: 61 }),
        unit('Settore Scuole', { hidden: false, count: 9, mean: 42.2 }),
      ],
    },
  ],
};

/**
 * The same screen beside the earlier campaign: Infanzia compared in both dimensions, Scuole hidden
 * in 2025 for one dimension and absent from it for the other.
 */
export const comparedHeatmap: Heatmap = {
  ...heatmap,
  compare: earlierCampaign,
  dimensions: heatmap.dimensions.map((dimension, d) => ({
    ...dimension,
    totals: dimension.totals.map((cell) => ({
      ...cell,
      comparison: { mean: 64, delta: d === 0 ? 2.1 : -6, reason: null },
    })),
    units: dimension.units.map((cell): HeatmapCell => {
      if (cell.hidden)
        return { ...cell, comparison: { mean: null, delta: null, reason: 'hidden' } };
      if (cell.orgUnitPath[1] === 'Settore Scuole') {
        const reason = d === 0 ? 'hiddenThere' : 'noData';
        return { ...cell, comparison: { mean: null, delta: null, reason } };
      }
      const [mean, delta] = d === 0 ? [74.2, 4.2] : [64, -3];
      return { ...cell, comparison: { mean, delta, reason: null } };
    }),
  })),
};

export const sara: Me = {
  objectId: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c62',
  displayName: 'Sara Conti',
  department: 'Agenda Digitale e Tecnologie Informatiche',
  orgUnitPath: [
    'Agenda Digitale e Tecnologie Informatiche',
    'Settore Innovazione e Trasformazione Digitale',
  ],
  roles: ['employee', 'facilitator', 'admin'],
  locale: 'it-IT',
};

export const departments = [
  'Agenda Digitale e Tecnologie Informatiche',
  'Area Educazione, Istruzione e Nuove Generazioni',
  'Area Welfare e Promozione del Benessere',
];

/** An invitation to everyone, running: 120 of 200 settled, 12 minutes to go at the tenant rate. */
export function campaignStatus(overrides: Partial<CampaignStatus> = {}): CampaignStatus {
  return {
    id: 'c20260310t090000a1b2c3',
    kind: 'assessment',
    remindable: true,
    state: 'running',
    audience: { kind: 'all' },
    notBefore: '2026-03-10T09:00:00.000Z',
    createdAt: '2026-03-10T09:00:00.000Z',
    startedAt: '2026-03-10T09:00:05.000Z',
    endedAt: null,
    counts: {
      total: 200,
      sent: 90,
      pending: 80,
      failed: 2,
      blocked: 3,
      unreachable: 25,
      alreadyCompleted: 0,
      inDoubt: 0,
    },
    audienceRead: 1,
    expectedTotal: 200,
    progress: 0.6,
    etaSeconds: 720,
    sending: true,
    completions: { reached: 90, atLeast: 40, k: 5 },
    ...overrides,
  };
}
