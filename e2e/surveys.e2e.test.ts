import users from '../content/demo/playground-users.json';
import communication from '../content/surveys/programme-communication.json';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import type { SurveyQuestion } from '../core/surveys/survey';
import { newNonce } from '../core/surveys/survey.service';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';
import { expectNoSidewaysScroll, recordSidewaysScroll } from './sideways';

const SARA = users[2]!; // admin
const RESPONDENTS = 4;

/** A full response: 4 on every scale, 9 to recommend, the first option of every choice. */
function answersTo(questions: readonly SurveyQuestion[]): Record<string, string> {
  const answer = (q: SurveyQuestion): string | null => {
    switch (q.type) {
      case 'scale':
        return '4';
      case 'recommend':
        return '9';
      case 'single':
      case 'multiple':
        return q.options[0]!.id;
      case 'text':
        return q.required ? 'Va bene così' : null;
    }
  };
  return Object.fromEntries(
    questions.flatMap((q) => {
      const value = answer(q);
      return value === null ? [] : [[q.id, value]];
    }),
  );
}

describe('the Sondaggi screen in a browser (demo identities)', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  const backend = appStore(ctx);

  it('builds a survey from a template, previews its card, launches it and shows its results', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tab', { name: 'Sondaggi' }).click({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Parti da' }).selectOption({
      label: communication.title['it-IT'],
    });
    await page.getByRole('button', { name: 'Crea il sondaggio' }).click();
    await page.getByRole('spinbutton', { name: /^Soglia minima di risposte/ }).fill('3');

    // The card as the server builds it for chat, drawn by the Adaptive Cards renderer.
    await page.getByRole('button', { name: 'Salva e mostra la scheda' }).click();
    const card = page.getByRole('region', { name: 'Scheda come la vedranno le persone' });
    const first = communication.survey.questions[0]!.text;
    await card.getByText(first['it-IT']).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Inglese' }).check();
    await card.getByText(first['en-US']).waitFor();
    await screenshot(page, 'surveys-builder-1280');

    await page.getByRole('button', { name: 'Avvia il sondaggio' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Avviare il sondaggio?' });
    expect(await confirm.textContent()).toContain('Destinatari: Tutto il personale');
    await confirm.getByRole('button', { name: 'Avvia', exact: true }).click();
    await page.getByRole('progressbar', { name: "Avanzamento dell'invio" }).waitFor({
      timeout: 30_000,
    });

    // Answers from one department, through the service the card's Submit calls.
    const survey = (await backend.services.surveys.list())[0]!;
    expect(survey.launchedAt).toBeDefined();
    expect(survey.k).toBe(3);
    const people = generateDemoDirectory();
    const department = people[0]!.orgUnitPath[0];
    const respondents = people.filter((p) => p.orgUnitPath[0] === department).slice(0, RESPONDENTS);
    for (const person of respondents) {
      const outcome = await backend.services.surveys.submit({
        survey,
        nonce: newNonce(),
        objectId: person.objectId!,
        person,
        answers: answersTo(survey.questions),
      });
      expect(outcome).toBe('stored');
    }

    // Closing writes what the pools still hold: the results are final and shown.
    await page.getByRole('button', { name: 'Chiudi il sondaggio' }).click();
    const close = page.getByRole('alertdialog', { name: 'Chiudere il sondaggio?' });
    await close.getByRole('button', { name: 'Chiudi', exact: true }).click();
    const table = page.getByRole('table', { name: 'Distribuzione delle risposte alla domanda 1' });
    await table.waitFor({ timeout: 30_000 });
    const four = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4' }) });
    expect(await four.getByRole('cell').first().textContent()).toBe(String(RESPONDENTS));
    await page.getByRole('figure', { name: /^Grafico della domanda 1/ }).waitFor();
    await page.getByText(`Risposte: ${RESPONDENTS} su`).first().waitFor();
    await screenshot(page, 'surveys-results-1280');

    await expectNoSidewaysScroll(page, 'surveys-results', table);
  }, 240_000);
});
