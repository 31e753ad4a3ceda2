import { campaignStatus } from '../../../test/fixtures';
import { translator } from '../../i18n/i18n';
import { canRemind, progressView, STALL_MS } from './campaign-view';

const t = translator('it-IT');
const view = (...args: [Parameters<typeof campaignStatus>[0], number?]) =>
  progressView(campaignStatus(args[0]), args[1] ?? 0, 'it-IT', t);
const zero = { ...campaignStatus().counts, sent: 0, pending: 0, failed: 0, blocked: 0 };

describe('campaign progress as people read it', () => {
  it('does not say 100 % while most of the audience is unread', () => {
    const shown = view({
      counts: { ...zero, total: 12, sent: 12, unreachable: 0 },
      audienceRead: 1 / 32,
      expectedTotal: 384,
      progress: 12 / 384,
      etaSeconds: 38,
    });

    expect(shown.summary).toBe(
      'Circa il 3% (12 su 12 tra le persone destinatarie trovate finora; elenco letto al 3%, il totale può ancora crescere)',
    );
    expect(shown.value).toBeCloseTo(12 / 384);
    expect(shown.eta).toBe('meno di un minuto');
  });

  it('says the same numbers in the bar, its caption and the live text when paused', () => {
    const shown = view({ state: 'paused', etaSeconds: null });

    expect(shown).toEqual({
      value: 0.6,
      valueText: '60%',
      summary: '60% completato (120 su 200 tra le persone destinatarie)',
      eta: null,
      stalled: null,
    });
  });

  it('says there was nobody to send to instead of "100 %: 0 of 0"', () => {
    const shown = view({
      kind: 'reminder',
      state: 'completed',
      counts: { ...zero, total: 0, unreachable: 0 },
      progress: 1,
      expectedTotal: 0,
      etaSeconds: null,
    });

    expect(shown.summary).toBe(
      "Nessuna persona destinataria: non c'era nessuno a cui inviare il messaggio",
    );
    expect(shown.valueText).toBe(shown.summary);
  });

  it('gives no ETA while nothing is being sent (crash recovery), and says so', () => {
    const stalled = view({ etaSeconds: 2 }, 12_500);
    const notSending = view({ etaSeconds: 2, sending: false });

    expect(stalled.eta).toBeNull();
    expect(stalled.stalled).toBe(
      "Nessun invio negli ultimi 12 secondi: l'invio riprenderà da solo.",
    );
    expect(view({ etaSeconds: 2 }, STALL_MS - 1).eta).toBe('meno di un minuto');
    expect(notSending.eta).toBeNull();
  });
});

describe('reminders', () => {
  it('follow any started campaign whose kind the API says can be reminded, not only the assessment', () => {
    const facilitators = { kind: 'facilitator-invitation', remindable: true };
    expect(canRemind(campaignStatus({ ...facilitators, state: 'completed' }))).toBe(true);
    expect(canRemind(campaignStatus({ ...facilitators, state: 'preparing' }))).toBe(false);
    expect(canRemind(campaignStatus({ kind: 'reminder', remindable: false }))).toBe(false);
  });
});
