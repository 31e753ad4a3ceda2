import { waitFor, within } from '@testing-library/react';
import { renderOverview, rowsOf, tile } from '../../../test/overview';
import { overview } from '../../../test/overview-fixtures';

describe('the overview: strengths and growth areas', () => {
  it('ranks the dimensions of the scope with their change since the round before', async () => {
    await renderOverview();
    const dimensions = tile('Punti di forza e aree di crescita');

    expect(
      within(dimensions).getByText(
        'Punti di forza: Innovazione e proattività, Atteggiamento verso le relazioni, Competenze digitali',
      ),
    ).toBeInTheDocument();
    const ranking = within(dimensions).getByRole('table', {
      name: "Dimensioni in ordine di punteggio medio (da 0 a 100), tutta l'organizzazione",
    });
    expect(within(ranking).getAllByRole('columnheader').at(-1)).toHaveTextContent(
      'Rispetto a «Digital Mindset: autovalutazione, 12 marzo 2025»',
    );
    expect(rowsOf(ranking)).toEqual([
      ['1', 'Innovazione e proattività', '78,4', '↑ +4,2'],
      ['2', 'Atteggiamento verso le relazioni', '74,1', '↓ −1,5'],
      [
        '3',
        'Competenze digitali',
        '61,0',
        'Nessuna risposta di questa struttura in «Digital Mindset: autovalutazione, 12 marzo 2025»',
      ],
    ]);
    expect(
      within(ranking).getByRole('img', {
        name: 'Punteggio più alto di 4,2 rispetto a «Digital Mindset: autovalutazione, 12 marzo 2025»',
      }),
    ).toBeInTheDocument();
    const chart = within(dimensions).getByRole('figure', { name: /^Grafico: Dimensioni/ });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(3));
  });

  it('ranks them in each unit, a hidden unit said in words', async () => {
    await renderOverview();
    const byUnit = within(tile('Punti di forza e aree di crescita')).getByRole('table', {
      name: 'Punteggio medio e posizione di ogni dimensione, per struttura',
    });
    expect(rowsOf(byUnit)).toEqual([
      [
        'Area Educazione, Istruzione e Nuove Generazioni',
        '58,5 (3ª)',
        '77,0 (2ª) = 0,0',
        '80,2 (1ª) ↑ +2,0',
      ],
      [
        'Area Sport',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
        'Nascosto per la privacy',
      ],
    ]);
  });

  it('says when there is nothing to compare with, or no score yet', async () => {
    const data = overview();
    await renderOverview({ ...data, dimensions: { ...data.dimensions, compare: null } });
    const dimensions = tile('Punti di forza e aree di crescita');
    expect(
      within(dimensions).getByText("Non c'è una rilevazione precedente con cui confrontare."),
    ).toBeInTheDocument();
    expect(within(dimensions).getAllByRole('table')[0]!.querySelectorAll('th')).toHaveLength(6);
  });
});
