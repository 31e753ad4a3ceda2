import { IdeaError } from './idea-errors';
import { changeStatus, nextStatuses } from './status-machine';

describe('the status machine', () => {
  it('moves submitted → under review → accepted (in a lab) → implemented', () => {
    expect(changeStatus('submitted', 'underReview', {}).status).toBe('underReview');
    expect(changeStatus('underReview', 'accepted', { labId: 'lab-1' })).toEqual({
      status: 'accepted',
      reason: null,
      labId: 'lab-1',
    });
    expect(changeStatus('accepted', 'implemented', { reason: ' done ' }).reason).toBe('done');
  });

  it('needs a public reason for not feasible and out of scope', () => {
    for (const to of ['notFeasible', 'outOfScope'] as const) {
      expect(() => changeStatus('underReview', to, { reason: '  ' })).toThrow(
        expect.objectContaining({ code: 'reasonRequired', status: 422 }),
      );
      expect(changeStatus('underReview', to, { reason: 'Già in corso' }).reason).toBe(
        'Già in corso',
      );
    }
  });

  it('refuses every other move with a conflict, and a lab outside acceptance', () => {
    expect(() => changeStatus('submitted', 'accepted', {})).toThrow(IdeaError);
    expect(() => changeStatus('implemented', 'underReview', {})).toThrow(
      expect.objectContaining({ code: 'badTransition', status: 409 }),
    );
    expect(() => changeStatus('accepted', 'implemented', { labId: 'x' })).toThrow(
      expect.objectContaining({ code: 'labOnlyWhenAccepted' }),
    );
    expect(nextStatuses('notFeasible')).toEqual([]);
    expect(nextStatuses('outOfScope')).toEqual([]);
  });
});
