// React ships CommonJS only; the test browser loads ES modules. This dev-server plugin serves
// `react`, `react-dom` and `react-dom/client` as ES modules made by esbuild from one bundle (one
// React instance), with the named exports Node finds on them. Tests only (test/react/).
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const PREFIX = '/__react-esm/';
let bundle;

/** The module's exports, from its production build (the development one wraps the test runner's console). */
function exportsOf(name) {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return require(name);
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

export function reactEsm() {
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (source in MODULES) return `${PREFIX}${source}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const name = context.path.slice(PREFIX.length, -'.js'.length);
      if (name === 'bundle') {
        bundle ??= build({
          stdin: { contents: Object.entries(MODULES).map(([m, v]) => `export * as ${v} from '${m}';`).join('\n'), resolveDir: process.cwd() },
          bundle: true, format: 'esm', write: false, define: { 'process.env.NODE_ENV': '"development"' },
        }).then((r) => r.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      if (!(name in MODULES)) return;
      const names = Object.keys(exportsOf(name)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
      return { body: `import { ${MODULES[name]} as m } from '${PREFIX}bundle.js';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`, type: 'js' };
    },
  };
}
