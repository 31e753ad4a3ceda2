import type { FacilitatorRound, ShortlistCandidate } from '../src/api/types';

const DIGITAL = 'Agenda Digitale e Tecnologie Informatiche';
const WELFARE = 'Area Welfare e Promozione del Benessere';

const candidate = (
  objectId: string,
  displayName: string,
  department: string,
  digitalSkills: number,
  motivation: number,
  extra: Partial<ShortlistCandidate> = {},
): ShortlistCandidate => ({
  objectId,
  displayName,
  department,
  digitalSkills,
  motivation,
  interested: true,
  reason: 'aboveThresholds',
  status: 'proposed',
  changedAt: '2026-04-01T09:00:00.000Z',
  ...extra,
});

/** A round not invited yet: three proposed in two departments, one removed; welfare below target. */
export function openRound(overrides: Partial<FacilitatorRound> = {}): FacilitatorRound {
  return {
    id: 'r1',
    createdAt: '2026-04-01T09:00:00.000Z',
    createdBy: 'admin',
    thresholds: { digitalSkills: 70, motivation: 70 },
    targets: { [DIGITAL]: 1, [WELFARE]: 2 },
    managerApproval: true,
    invitationCampaignId: null,
    status: 'ready',
    progress: null,
    candidates: [
      candidate('p1', 'Anna Rossi', DIGITAL, 91.5, 80),
      candidate('p2', 'Bruno Verdi', DIGITAL, 75, 88.2, { interested: false }),
      candidate('p3', 'Carla Neri', WELFARE, 62, 71, { reason: 'coverage' }),
      candidate('p4', 'Dario Gallo', WELFARE, 80, 79, { status: 'removed' }),
    ],
    coverage: [
      {
        department: DIGITAL,
        employees: 60,
        target: 1,
        candidates: 2,
        invited: 0,
        accepted: 0,
        belowTarget: false,
      },
      {
        department: WELFARE,
        employees: 120,
        target: 2,
        candidates: 1,
        invited: 0,
        accepted: 0,
        belowTarget: true,
      },
    ],
    ...overrides,
  };
}

export { DIGITAL, WELFARE };
