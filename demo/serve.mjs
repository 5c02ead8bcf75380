// `npm start`: serves the demo storefront page, the built player, the sample streams and the
// local storefront API on localhost. Nothing is fetched from the internet.
import { createServer } from 'node:http';
import { DEMO_PIN_TOKEN, demoHandlers } from './handlers.mjs';
import { listen, staticFiles } from './static.mjs';

// The stores send shoppers to /checkout: in the demo that is the page listing the store's carts.
const checkout = async (req, res) => {
  if (new URL(req.url, 'http://x').pathname !== '/checkout') return false;
  res.writeHead(302, { location: '/demo/cart.html' }).end();
  return true;
};

const handlers = [
  ...(await demoHandlers()),
  checkout,
  staticFiles([/^demo\//, /^dist\/cdn\//, /^dist\/console\//, /^test\/fixtures\/streams\//, /^docs\/examples\//], 'demo/index.html'),
];

const server = createServer(async (req, res) => {
  try {
    for (const handle of handlers) if (await handle(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  } catch (err) {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end('Server error');
  }
});

try {
  const port = await listen(server, Number(process.env.PORT) || 8080, Boolean(process.env.PORT));
  console.log(`shoppable-video demo: http://localhost:${port}/`);
  console.log(`Live sale: http://localhost:${port}/demo/live.html (pin console token: ${DEMO_PIN_TOKEN}, a development token, not a secret)`);
  console.log('Press Ctrl+C to stop.');
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
