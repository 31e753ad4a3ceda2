import { benchDashboard, printDashboard } from './dashboard';

/** `npm run bench:dashboard`: only the dashboard API benchmark. */
benchDashboard()
  .then(printDashboard)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
