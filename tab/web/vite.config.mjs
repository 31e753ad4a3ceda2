import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The tab is served by the óiBO server at /tab/ from tab/web/dist. */
export default defineConfig({
  root,
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    // Fluent is one large chunk; the bar that matters is the initial JS at 300 KB gzip.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Fluent marks its modules 'use client' for React Server Components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { fs: { allow: [path.resolve(root, '../..')] } },
});
