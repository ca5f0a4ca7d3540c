import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  resolve: { alias: { '@domain': path.resolve(import.meta.dirname, 'domain') } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        app: path.resolve(import.meta.dirname, 'web/index.html'),
        ...(process.env.QUNEI_NO_PORTAL ? {} : { portal: path.resolve(import.meta.dirname, 'web/portal.html') }),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
