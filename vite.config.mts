// Builds the renderer (renderer/ → dist/renderer). The output must satisfy the app's CSP
// (script-src 'self'; style-src 'self'): no inline scripts or styles, no data: URLs, nothing
// remote. `base: './'` keeps every URL relative so the same build loads from the Electron
// app protocol and from the loopback harness.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  publicDir: fileURLToPath(new URL('./renderer/public', import.meta.url)),
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    // Chromium supports modulepreload natively; the polyfill is dead code.
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs (the CSP allows only 'self').
    assetsInlineLimit: 0,
    // Maps are for development; the packaged app does not need 1.4 MB of them.
    sourcemap: process.env.XIESHANG_RELEASE ? false : true,
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // shared/ lives outside the renderer root.
    fs: { allow: [repoRoot] },
  },
});
