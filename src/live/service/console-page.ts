/** The console page the service serves at `/console`. */

export interface ConsolePageOptions {
  /** URL of the `<shoppable-pin-console>` script; default `console/pin-console.js` (served by `assets`). */
  scriptUrl?: string;
  /** Show manifest URL (the product list). */
  show?: string;
  /** Stream URL for the preview player. */
  src?: string;
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function consolePage({ scriptUrl = 'console/pin-console.js', show = '', src = '' }: ConsolePageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live pins — console</title>
<script type="module" src="${escapeAttr(scriptUrl)}"></script>
</head>
<body>
<shoppable-pin-console service="./" show="${escapeAttr(show)}" src="${escapeAttr(src)}"></shoppable-pin-console>
</body>
</html>
`;
}
