import type { Heatmap, HeatmapCell, Me, MyResults } from '../src/api/types';

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
const unit = (
  name: string | null,
  cell: Omit<HeatmapCell, 'orgUnitPath' | 'bands'>,
): HeatmapCell => ({
  orgUnitPath: name ? [AREA, name] : [AREA],
  bands: null,
  ...cell,
});

/** Marco's subtree: his own staff (hidden, 2 people), a large settore hidden to protect it, two shown. */
export const heatmap: Heatmap = {
  k: 5,
  scope: [AREA],
  participants: {
    total: 31,
    units: [
      unit(null, { hidden: true, count: null, mean: null }),
      unit('Settore Diritto allo Studio', { hidden: true, count: null, mean: null }),
      unit("Settore Servizi per l'Infanzia", { hidden: false, count: 12, mean: null }),
      unit('Settore Scuole', { hidden: false, count: 9, mean: null }),
    ],
  },
  dimensions: [
    {
      id: 'digital-skills',
      name: { 'it-IT': 'Competenze digitali', 'en-US': 'Digital skills' },
      units: [
        unit(null, { hidden: true, count: null, mean: null }),
        unit('Settore Diritto allo Studio', { hidden: true, count: null, mean: null }),
        unit("Settore Servizi per l'Infanzia", { hidden: false, count: 12, mean: 78.4 }),
        unit('Settore Scuole', { hidden: false, count: 9, mean: 49.6 }),
      ],
    },
    {
      id: 'change',
      name: { 'it-IT': 'Propensione al cambiamento', 'en-US': 'Propensity to change' },
      units: [
        unit(null, { hidden: true, count: null, mean: null }),
        unit('Settore Diritto allo Studio', { hidden: true, count: null, mean: null }),
        unit("Settore Servizi per l'Infanzia", { hidden: false, count: 12, mean: 61 }),
        unit('Settore Scuole', { hidden: false, count: 9, mean: 42.2 }),
      ],
    },
  ],
};
