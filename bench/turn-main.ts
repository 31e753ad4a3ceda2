import { benchTurn, printTurn } from './turn';

/** `npm run bench:turn`: only the bot-turn benchmark; fails only when requests failed. */
async function main(): Promise<void> {
  const figures = await benchTurn();
  printTurn(figures);
  if (figures.errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
