import { benchProductionStart, printProductionStart } from './production-start';

/** `npm run bench:start`: production start-up and memory, before and after the compiled build. */
benchProductionStart()
  .then(printProductionStart)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
