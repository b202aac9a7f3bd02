import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // A brotli and a gzip copy beside each file, made once at build time; the server hands out the
    // one the browser accepts (server/http/clientFiles.ts). `npx tsx bench/bundle.ts` prints the sizes.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  // Each page is a chunk of its own (App.tsx loads them lazily); the entry holds what every page needs.
  // No source maps in the build (the server refuses *.map in production too); `vite` in dev has them.
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: process.env.BUILD_SOURCEMAP === 'true',
    // The password-strength dictionaries (zxcvbn) are one large chunk, loaded only where a password is chosen.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and i18next change less often than our code: a chunk of their own stays
          // in the browser's cache across releases.
          groups: [
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|i18next|react-i18next)[\\/]/,
            },
          ],
        },
      },
    },
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
