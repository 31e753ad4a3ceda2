import { readFile } from 'node:fs/promises';

/**
 * bench:upload's client for the uploads at once, in its own process so that the app's resident
 * memory is measured without the client's: `fetch` encodes each multipart body from the file's
 * bytes, about 10 MB a request, which the bar is not about.
 * Arguments: the entries' URL, the JPEG's path, how many at once. Prints each upload's ms (JSON).
 */
async function main(): Promise<void> {
  const [url, path, count] = process.argv.slice(2) as [string, string, string];
  const image = new Blob([new Uint8Array(await readFile(path))], { type: 'image/jpeg' });
  const times = await Promise.all(
    Array.from({ length: Number(count) }, async () => {
      const form = new FormData();
      form.append('title', 'Bench');
      form.append('image', image, 'photo.jpg');
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', body: form });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
      await response.arrayBuffer();
      return performance.now() - started;
    }),
  );
  console.log(JSON.stringify(times));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
