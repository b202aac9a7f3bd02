import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  // Yjs, React, dnd-kit and zod make one ~600 kB bundle (~190 kB gzipped); fine for a work app.
  // No source maps in the build (the server refuses *.map in production too); `vite` in dev has them.
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: process.env.BUILD_SOURCEMAP === 'true',
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/healthz': api,
      '/sync': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
});
