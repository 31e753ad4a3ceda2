import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { stored } from '../../../test/fake-surveys';
import { sara } from '../../../test/fixtures';
import { communicationTemplate, surveyResults } from '../../../test/survey-fixtures';
import { Surveys } from './Surveys';

const renderSurveys = (state: Partial<Parameters<typeof fakeServer>[0]> = {}) => {
  const fake = fakeServer({ me: sara, templates: [communicationTemplate], ...state });
  renderWithTeams(<Surveys admin />, fakeTeams(fake.apiFetch));
  return fake;
};

const startFromTemplate = async () => {
  await userEvent.selectOptions(
    await screen.findByRole('combobox', { name: 'Parti da' }),
    'La comunicazione del programma',
  );
  await userEvent.click(screen.getByRole('button', { name: 'Crea il sondaggio' }));
};

const questionTexts = () =>
  screen
    .getAllByRole('textbox', { name: /^Testo della domanda \(italiano\)/ })
    .map((input) => (input as HTMLInputElement).value);

// The builder is a long Fluent form: on a loaded machine its role queries take tens of seconds.
jest.setTimeout(60_000);

describe('survey builder', () => {
  it('fills the builder from a template and moves questions with the keyboard', async () => {
    renderSurveys();
    await startFromTemplate();

    expect(screen.getByRole('textbox', { name: /^Titolo \(inglese\)/ })).toHaveValue(
      "The programme's communication",
    );
    expect(questionTexts()).toEqual([
      'Mi sento informato sul programma.',
      'Da dove arrivano le notizie?',
      'Che cosa miglioreresti?',
    ]);

    screen.getByRole('button', { name: 'Sposta giù la domanda 1' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(questionTexts()[1]).toBe('Mi sento informato sul programma.');
    // The focus follows the question to its new place, and the change is announced.
    expect(screen.getByRole('button', { name: 'Sposta giù la domanda 2' })).toHaveFocus();
    expect(screen.getByText('Domanda 1 spostata in posizione 2.')).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(questionTexts()[2]).toBe('Mi sento informato sul programma.');
    // At the bottom "move down" is disabled: the focus moves to "move up".
    expect(screen.getByRole('button', { name: 'Sposta su la domanda 3' })).toHaveFocus();
  });

  it('offers no sixth text question and no twenty-first question', async () => {
    // A saved draft of 19 questions, 4 of them free text.
    const questions = Array.from({ length: 19 }, (_, i) => ({
      id: `q${i + 1}`,
      type: i < 4 ? ('text' as const) : ('scale' as const),
      text: `Domanda numero ${i + 1}`,
    }));
    renderSurveys({
      surveys: [
        stored('s9', {
          title: 'Bozza di prova',
          anonymous: true,
          questions,
          audience: { kind: 'all' },
        }),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Bozza di prova' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Modifica la bozza' }));

    // Role queries over twenty question editors are slow in jsdom: text queries instead.
    await userEvent.click(await screen.findByText('Aggiungi una domanda'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Testo libero breve' }));
    expect(screen.getByText('Domande (20 su 20)')).toBeInTheDocument();
    expect(screen.queryByText('Aggiungi una domanda')).toBeNull();
    expect(screen.getByText('Il sondaggio ha già 20 domande, il massimo.')).toBeInTheDocument();
    // Five text questions: a scale question cannot become a sixth.
    const types = screen.getAllByLabelText<HTMLSelectElement>('Tipo');
    expect([...types[5]!.options].map((o) => o.value)).not.toContain('text');
    expect([...types[0]!.options].map((o) => o.value)).toContain('text');
  }, 60_000);

  it("shows the server's reason beside each refused field", async () => {
    const { server } = renderSurveys({
      refuseSurvey: [
        { path: 'questions.1.text.en-US', message: 'Manca il testo in inglese.' },
        { path: 'purpose', message: 'Serve lo scopo.' },
        { path: 'questions', message: 'Al massimo 5 domande a testo libero.' },
      ],
    });
    await startFromTemplate();
    await userEvent.click(screen.getByRole('radio', { name: 'Con nominativo' }));
    await userEvent.click(screen.getByRole('button', { name: 'Salva e mostra la scheda' }));

    const english = screen.getAllByRole('textbox', { name: /^Testo della domanda \(inglese\)/ });
    await waitFor(() =>
      expect(english[1]).toHaveAccessibleDescription('Manca il testo in inglese.'),
    );
    expect(english[0]).not.toHaveAccessibleDescription('Manca il testo in inglese.');
    expect(
      screen.getByRole('textbox', { name: /^Perché servono i nominativi \(italiano\)/ }),
    ).toHaveAccessibleDescription('Serve lo scopo.');
    expect(screen.getByText('Al massimo 5 domande a testo libero.')).toBeInTheDocument();
    expect(screen.getByText(/^Campi da correggere: 3\./)).toBeInTheDocument();
    expect(server.surveys).toEqual([]);
  });

  it('saves, shows the card page by page in either language, launches and follows the sending', async () => {
    const { server } = renderSurveys();
    await startFromTemplate();
    await userEvent.click(screen.getByRole('button', { name: 'Salva e mostra la scheda' }));

    const card = await screen.findByRole('region', { name: 'Scheda come la vedranno le persone' });
    await within(card).findByText('Mi sento informato sul programma.');
    expect(server.bodies[0]?.body).toMatchObject({ template: 'communication', anonymous: true });
    await userEvent.click(screen.getByRole('radio', { name: 'Inglese' }));
    await within(card).findByText('I feel informed about the programme.');

    await userEvent.click(screen.getByRole('button', { name: 'Avvia il sondaggio' }));
    const dialog = await findAlertDialog('Avviare il sondaggio?');
    expect(dialog).toHaveTextContent('Destinatari: Tutto il personale');
    expect(dialog).toHaveTextContent('Domande: 3, in 1 pagine della scheda.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avvia', ...inDialog }));

    expect(
      await screen.findByRole(
        'progressbar',
        // Tabster may leave the page aria-hidden in jsdom after the dialog (see test/dialogs.ts).
        { name: "Avanzamento dell'invio", ...inDialog },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(server.surveys[0]?.state).toBe('open');
    expect(
      screen.getByRole('heading', { name: 'La comunicazione del programma', ...inDialog }),
    ).toBeVisible();
  });

  it('lists a saved draft with its state and anonymity', async () => {
    renderSurveys({
      surveys: [],
      surveyResults: { s1: surveyResults() },
    });
    await startFromTemplate();
    await userEvent.click(screen.getByRole('button', { name: 'Salva e mostra la scheda' }));
    await screen.findByRole('region', { name: 'Scheda come la vedranno le persone' });
    await userEvent.click(screen.getByRole('button', { name: 'Torna ai sondaggi' }));

    const table = await screen.findByRole('table', { name: 'Sondaggi, dal più recente' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('La comunicazione del programma');
    expect(row).toHaveTextContent('Bozza');
    expect(row).toHaveTextContent('Anonimo');
  });
});
