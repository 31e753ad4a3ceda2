/** jsdom's Blob has no text(); FileReader it does have. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

/** Captures files the tab saves through object URLs (jsdom has no URL.createObjectURL). */
export function captureDownloads(): { files: () => Promise<{ name: string; text: string }[]> } {
  const blobs = new Map<string, Blob>();
  const saved: { name: string; url: string }[] = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, url: this.href });
  });
  return {
    files: () =>
      Promise.all(
        saved.map(async ({ name, url }) => ({ name, text: await textOf(blobs.get(url)!) })),
      ),
  };
}
