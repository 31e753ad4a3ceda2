import { benchOverview, printOverview } from './overview';

/** `npm run bench:overview`: only the programme overview's API benchmark. */
benchOverview()
  .then(printOverview)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
