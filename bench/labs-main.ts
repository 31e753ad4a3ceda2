import { benchLabs, printLabs } from './labs';

/** `npm run bench:labs`: only the labs benchmark. */
benchLabs()
  .then(printLabs)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
