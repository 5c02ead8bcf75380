// Rollup plugin: minifies the CSS inside lit's css`…` tagged templates (comments and
// whitespace only — nothing that could change a selector's meaning), for the script-tag build.
export default function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/css`([^`]*)`/g, (whole, body) => {
        if (body.includes('${')) return whole; // leave templates with expressions alone
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}
