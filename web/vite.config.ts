import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The UI is built into web/dist and served by `newsgraph serve`; in development `vite --config
// web/vite.config.ts` proxies /api to a server on 8080.
export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
