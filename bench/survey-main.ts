import { benchSurvey, printSurvey } from './survey';

/** `npm run bench:survey`: only the surveys benchmark. */
benchSurvey()
  .then((figures) => {
    printSurvey(figures);
    if (figures.submit.errors + figures.floor.errors > 0) process.exitCode = 1;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
