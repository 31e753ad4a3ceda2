import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { stored } from '../../../test/fake-surveys';
import { marco } from '../../../test/fixtures';
import { communicationTemplate, surveyResults } from '../../../test/survey-fixtures';
import { Surveys } from '../Surveys/Surveys';

const launched = {
  ...stored('s1', communicationTemplate.survey),
  state: 'open' as const,
  campaignId: 'c1',
  responded: null,
};

const renderResults = async (results = surveyResults()) => {
  const fake = fakeServer({ me: marco, surveys: [launched], surveyResults: { s1: results } });
  renderWithTeams(<Surveys admin={false} />, fakeTeams(fake.apiFetch));
  await userEvent.click(
    await screen.findByRole('button', { name: 'La comunicazione del programma' }),
  );
  await screen.findByRole('heading', { name: 'Risultati' });
  return fake;
};

describe('survey results', () => {
  it('shows the response rate overall and per area, hidden areas said in words, never as zero', async () => {
    await renderResults();

    expect(await screen.findByText('Risposte: 42 su 120 persone (35%).')).toBeInTheDocument();
    const areas = screen.getByRole('table', { name: 'Risposte per area' });
    const rows = within(areas)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Area Cultura', '30', '60', '50%'],
      ['Area Sport', 'Non mostrato', '20', '—'],
      ['Area Welfare', 'Non mostrato', '40', '—'],
    ]);
    expect(screen.getByText(/«Non mostrato» non vuol dire zero/)).toBeInTheDocument();
    // A manager follows no sending: the campaigns are the programme team's.
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('gives every distribution a chart and a table, and free text without names as plain text', async () => {
    await renderResults();

    const table = await screen.findByRole('table', {
      name: 'Distribuzione delle risposte alla domanda 1',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['1', '2', '5%'],
      ['2', '4', '10%'],
      ['3', '10', '25%'],
      ['4', '14', '35%'],
      ['5', '10', '25%'],
    ]);
    expect(screen.getByText('Risposte alla domanda: 40 · media 3,6')).toBeInTheDocument();
    const chart = await screen.findByRole('figure', { name: /^Grafico della domanda 1/ });
    await waitFor(() => expect(chart.querySelectorAll('rect[role="option"]')).toHaveLength(5));

    const texts = screen.getByRole('list', { name: '2. Che cosa miglioreresti?' });
    expect(
      within(texts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Più notizie in chat', '<b>meno</b> posta']);
  });

  it('explains a view too small to show, and free text held back under 10 responses', async () => {
    await renderResults(
      surveyResults({
        questions: [
          { ...surveyResults().questions[1]!, answered: 6, texts: null, textTotal: null },
        ],
      }),
    );
    expect(
      await screen.findByText(
        'Le risposte libere compaiono solo quando in questa vista ci sono almeno 10 risposte.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Che cosa miglioreresti/ })).toBeNull();
  });

  it("reads one area's results and exports them as CSV", async () => {
    const downloads = captureDownloads();
    const fake = fakeServer({
      me: marco,
      surveys: [launched],
      surveyResults: {
        s1: surveyResults(),
        's1|Area Sport': surveyResults({
          department: 'Area Sport',
          hidden: true,
          responses: null,
          rate: null,
          departments: [],
          questions: [],
        }),
      },
    });
    renderWithTeams(<Surveys admin={false} />, fakeTeams(fake.apiFetch));
    await userEvent.click(
      await screen.findByRole('button', { name: 'La comunicazione del programma' }),
    );
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Risultati di' }),
      'Area Sport',
    );
    expect(
      await screen.findByText(/^Risultati non mostrati: meno di 5 risposte/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /Distribuzione/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Scarica CSV' }));
    await waitFor(async () => expect(await downloads.files()).toHaveLength(1));
    const [file] = await downloads.files();
    expect(file?.name).toBe('Risultati La comunicazione del programma.csv');
    expect(fake.server.calls).toContain('GET /api/v1/surveys/s1/results.csv?department=Area+Sport');
  });
});
