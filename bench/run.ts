import { benchStartup } from './startup';
import { benchDashboard, printDashboard } from './dashboard';
import { benchShortlist, printShortlist } from './shortlist';
import { benchLabs, printLabs } from './labs';
import { benchMemory, printMemory } from './memory';
import { benchOverview, printOverview } from './overview';
import { benchPosts, printPosts } from './posts';
import { benchSurvey, printSurvey } from './survey';
import { benchTab, printTab } from './tab';
import { benchTurn, printTurn } from './turn';
import { benchUpload, printUpload } from './upload';

/** Runs every benchmark and prints its figures; bars are ratios measured in the same run. */
async function main(): Promise<void> {
  const startup = await benchStartup();
  console.log('\nStart-up: npm start → first answered message (embedded Azurite + Playground)');
  console.table(
    startup.map((f) => ({
      run: f.run,
      'process ready (s)': f.processReadySeconds.toFixed(2),
      'first answer (s)': f.firstAnswerSeconds.toFixed(2),
      'bar (s)': 60,
      'ratio to bar': (f.firstAnswerSeconds / 60).toFixed(3),
    })),
  );

  const turn = await benchTurn();
  printTurn(turn);
  printDashboard(await benchDashboard());
  printShortlist(await benchShortlist());
  printLabs(await benchLabs());
  printPosts(await benchPosts());
  const survey = await benchSurvey();
  printSurvey(survey);
  printTab(await benchTab());
  printUpload(await benchUpload());
  printOverview(await benchOverview());
  printMemory(await benchMemory());
  // Benchmarks report figures; only failed requests make the run fail.
  if (turn.errors + survey.submit.errors + survey.floor.errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
