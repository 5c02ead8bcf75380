// Rollup plugin: minifies the CSS inside lit's css`…` tagged templates with esbuild's CSS
// minifier, for the script-tag build. The template is scanned as JavaScript reads it (escaped
// backticks, `${…}` expressions with their own strings and templates), not with a regex: the
// regex this replaces stopped at the first escaped backtick and shipped the rest unminified.
import { transform } from 'esbuild';

/** Index just past the string literal that starts at `i` (a ' or " quote). */
function skipString(code, i) {
  const quote = code[i];
  for (i++; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  throw new Error('unterminated string');
}

/** Index just past the `}` that closes the `${` expression whose body starts at `i`. */
function skipExpression(code, i) {
  let depth = 1;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"') i = skipString(code, i);
    else if (c === '`') i = scanTemplate(code, i + 1).end;
    else if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) + 1 || code.length;
    else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 2;
    else {
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error('unterminated ${ expression');
}

/**
 * Reads a template literal whose body starts at `i` (just past the opening backtick).
 * Returns its pieces: `quasis` (raw text between expressions, escapes kept as written),
 * `expressions` (their source, `${` and `}` excluded), and `end` (just past the closing backtick).
 */
export function scanTemplate(code, i) {
  const quasis = [];
  const expressions = [];
  let start = i;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') {
      quasis.push(code.slice(start, i));
      return { quasis, expressions, end: i + 1 };
    } else if (c === '$' && code[i + 1] === '{') {
      quasis.push(code.slice(start, i));
      const close = skipExpression(code, i + 2);
      expressions.push(code.slice(i + 2, close - 1));
      start = i = close;
    } else i++;
  }
  throw new Error('unterminated template literal');
}

/** Every css`…` literal of a module: `{ start, end, quasis, expressions }` (`start` at `css`). */
export function findCssLiterals(code) {
  const found = [];
  const tag = /(?<![\w$.])css`/g;
  let m;
  while ((m = tag.exec(code))) {
    const t = scanTemplate(code, m.index + 4);
    found.push({ start: m.index, ...t });
    tag.lastIndex = t.end;
  }
  return found;
}

// A placeholder stands in for each `${}` expression while esbuild minifies: an identifier
// where it is part of a value or a selector, an at-rule (`@name;`) where it stands alone as a
// whole rule (after `{`, `}`, `;` or at the start, and before `}`, `;` or the end).
const placeholder = (n) => `__sv_css_expr_${n}__`;
const standsAlone = (before, after) => /(^|[{};])\s*$/.test(before) && /^\s*([};]|$)/.test(after.replace(/^[^{};]*/, (m) => (m.trim() ? 'x' : '')));
/**
 * Minifies the raw text of one css`…` literal (`quasis` joined by `expressions`). Returns the
 * new template body, escapes and `${}` expressions as they were; throws when esbuild reports an
 * error or would lose or repeat an expression (the build stops rather than ship changed CSS).
 */
export async function minifyCssTemplate({ quasis, expressions }, where = 'css`…`') {
  // A template's raw text is CSS source with JavaScript escapes: `\`` and `\$` stand for their
  // characters, `\\` for one backslash (CSS escapes such as `\\2014` are written doubled).
  // Any other JavaScript escape would change meaning between the two languages: refused.
  const unescape = (raw) =>
    raw.replace(/\\([\s\S])/g, (_, c) => {
      if ('\\`$'.includes(c)) return c;
      throw new Error(`${where}: write CSS escapes with a doubled backslash (found \\${c})`);
    });
  const escape = (css) => css.replace(/[\\`]|\$(?=\{)/g, (c) => `\\${c}`);
  const text = quasis.map(unescape);
  const alone = expressions.map((_, n) => standsAlone(text.slice(0, n + 1).join(' '), text.slice(n + 1).join(' ')));
  const source = text.map((q, n) => q + (n < expressions.length ? (alone[n] ? `@${placeholder(n)};` : placeholder(n)) : '')).join('');
  const { code, warnings } = await transform(source, { loader: 'css', minify: true, logLevel: 'silent' });
  if (warnings.length) throw new Error(`${where}: esbuild warned: ${warnings.map((w) => w.text).join('; ')}`);
  let out = escape(code.trim());
  expressions.forEach((expr, n) => {
    const parts = out.split(alone[n] ? new RegExp(`@${placeholder(n)};?`) : placeholder(n));
    if (parts.length !== 2) throw new Error(`${where}: the expression \${${expr}} did not survive minification once`);
    out = parts.join(`\${${expr}}`);
  });
  return out;
}

export default function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const literals = findCssLiterals(code);
      if (!literals.length) return null;
      let out = '';
      let at = 0;
      for (const lit of literals) {
        const line = code.slice(0, lit.start).split('\n').length;
        const body = await minifyCssTemplate(lit, `${id}:${line}`);
        out += `${code.slice(at, lit.start)}css\`${body}\``;
        at = lit.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
