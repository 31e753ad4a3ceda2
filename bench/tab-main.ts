import { benchTab, printTab } from './tab';

/** `npm run bench:tab`: only the tab's size and first-render benchmark. */
benchTab()
  .then(printTab)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
