import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API to a running `anju start` (default port 3000; ANJU_API overrides).
const api = process.env.ANJU_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Shared schemas and labels come straight from the core package's TypeScript sources. The
    // subpath form lets the login path take labels and permissions without zod and the schemas.
    alias: [
      { find: /^@anju\/core$/, replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
      { find: /^@anju\/core\/(.+)$/, replacement: fileURLToPath(new URL('../core/src/', import.meta.url)) + '$1' },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Map shapes are loaded per province on demand; the largest is ~200 kB before gzip.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React and ECharts in their own chunks (they change less often than the app, so browsers keep
        // them); antd is left to the automatic split so each page loads only the components it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|tslib)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
