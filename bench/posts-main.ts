import { benchPosts, printPosts } from './posts';

/** `npm run bench:posts`: only the workspace's post search benchmark. */
benchPosts()
  .then(printPosts)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
