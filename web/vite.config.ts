import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run as `vite build web` from the repository root: this folder is the root, dist/ the output
// the server serves at `/`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Sourcemaps are left out: they would be served to every user over slow connections.
    sourcemap: false,
    // The chart library's chunk (~430 kB, ~120 kB gzipped) is the largest; it loads only with the
    // dashboard's charts, after the tables. Anything larger than that deserves a look.
    chunkSizeWarningLimit: 450,
  },
  server: {
    // `npm run dev:web` against a server started with `npm start` in another terminal.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
