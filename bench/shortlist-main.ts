import { benchShortlist, printShortlist } from './shortlist';

/** `npm run bench:shortlist`: only the facilitator shortlist benchmark. */
benchShortlist()
  .then(printShortlist)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
