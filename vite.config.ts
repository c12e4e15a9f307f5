import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
/** API server for `npm run dev:web` (override with ZHIBU_API_URL). */
const apiTarget = process.env.ZHIBU_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd + React alone make a ~1 MB (300 kB gz) first chunk; routes are split with React.lazy.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // Proxy the API, but not the web's own modules under src/web/api/ (served as /api/*.ts in dev).
    proxy: { '^/api/(?!.*\\.tsx?(?:\\?|$))': apiTarget },
  },
});
