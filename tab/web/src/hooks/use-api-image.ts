import { useEffect, useState } from 'react';
import { useApi } from '../api/use-api';

/**
 * An image the API serves only to signed-in callers, as a local `blob:` URL for an `<img>`
 * (which cannot send the token); released when the image changes or leaves the page.
 */
export function useApiImage(path: string): string | undefined {
  const api = useApi();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    let created: string | undefined;
    api.image(path).then(
      (blob) => {
        if (!live) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      () => live && setUrl(undefined),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, path]);
  return url;
}
