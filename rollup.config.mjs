// Two builds from one source:
//  - dist/      ESM for bundlers (npm): one module per source file, dependencies external,
//               so apps tree-shake and share their own lit.
//  - dist/cdn/  the script-tag build: everything bundled and minified; hls.js and each
//               checkout adapter are separate chunks loaded only when needed.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import minifyCssLiterals from './scripts/minify-css-literals.mjs';

// Start clean: stale hashed chunks would be counted by the size check and shipped.
rmSync('dist', { recursive: true, force: true });

const external = (id) => /^(lit|@lit|hls\.js|@floating-ui|react)(\/|$)/.test(id) || id.startsWith('node:');
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      // The pin service (Node and edge; never part of the browser bundle below).
      'live/service/index': 'src/live/service/index.ts',
      'live/service/node': 'src/live/service/node.ts',
      'live/service/cloudflare': 'src/live/service/cloudflare.ts',
      'live/pin-console.define': 'src/live/pin-console.define.ts',
      'feed/define': 'src/feed/define.ts',
      // React wrappers and JSX types (npm only: nothing of React is in the script-tag build below).
      'react/index': 'src/react/index.ts',
      'react/jsx': 'src/react/jsx.ts',
    },
    external,
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  {
    input: { 'shoppable-video': 'src/define.ts' },
    // No facade entry that imports the real code: that would cost the page a round trip.
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve({ browser: true }), minifyCssLiterals(), ts(), terser({ format: { comments: false }, compress: { passes: 2 } })],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) =>
        chunk.facadeModuleId?.includes('/src/overlay/') ? 'overlay-[hash].js' : chunk.facadeModuleId?.includes('/src/feed/') ? 'feed-[hash].js' : chunk.moduleIds.some((id) => id.includes('/show-binding')) ? 'show-[hash].js' : '[name]-[hash].js',
    },
  },
  {
    // The host's console as a script for the service's /console page (bin/shoppable-video.mjs
    // serves dist/console/). A build of its own: the player's script-tag bundle above is unchanged.
    input: { 'pin-console': 'src/live/pin-console.define.ts' },
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve({ browser: true }), minifyCssLiterals(), ts(), terser({ format: { comments: false }, compress: { passes: 2 } })],
    output: { dir: 'dist/console', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
];
