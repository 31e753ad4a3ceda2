import { benchUpload, printUpload } from './upload';

/** `npm run bench:upload`: only the image upload benchmark. */
benchUpload()
  .then(printUpload)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
