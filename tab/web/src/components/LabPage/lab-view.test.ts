import { translator } from '../../i18n/i18n';
import { formatDay, personName, programmeToday } from './lab-view';

describe('a lab as the tab shows it', () => {
  it('names an erased person "former member", never by an id', () => {
    const t = translator('it-IT');
    expect(personName(t, { objectId: null, displayName: null, former: true })).toBe(
      'ex partecipante',
    );
    expect(personName(t, { objectId: 'x', displayName: 'Giulia Ferri', former: false })).toBe(
      'Giulia Ferri',
    );
  });

  it("counts days in Rome's calendar: 23:30 UTC on 31 March is already 1 April", () => {
    expect(programmeToday(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(formatDay('2026-04-01', 'en-US')).toBe('Apr 1, 2026');
  });
});
