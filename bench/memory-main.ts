import { benchMemory, printMemory } from './memory';

/** `npm run bench:memory`: only the in-memory views' heap at the design sizes. */
benchMemory()
  .then(printMemory)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
