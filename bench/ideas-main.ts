import { benchIdeas, printIdeas } from './ideas';

/** `npm run bench:ideas`: only the Call4Ideas benchmark. */
benchIdeas()
  .then(printIdeas)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
