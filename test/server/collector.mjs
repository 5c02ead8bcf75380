// The analytics beacon endpoint of the test server and the demo: POST /collect (a
// `navigator.sendBeacon` body, `{"events":[…]}`) is kept in memory per `?bucket=`; GET
// /collect?bucket=… answers every request received (`{requests: [{events, bytes, type}]}`),
// DELETE forgets them. As strict as a real collector: bodies over 64 KB (the beacon limit)
// or that are not a JSON object with an `events` array are refused with 400.
const MAX_BODY = 64 * 1024;
const MAX_REQUESTS = 2000; // per bucket: memory stays bounded

export function collector() {
  const buckets = new Map();
  return async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/collect') return false;
    const bucket = url.searchParams.get('bucket') ?? 'default';
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ requests: buckets.get(bucket) ?? [] }));
      return true;
    }
    if (req.method === 'DELETE') {
      buckets.delete(bucket);
      res.writeHead(204).end();
      return true;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST, DELETE' }).end();
      return true;
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(400).end('body over 64 KB');
        return true;
      }
      chunks.push(chunk);
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    if (!body || typeof body !== 'object' || !Array.isArray(body.events)) {
      res.writeHead(400).end('expected {"events": [...]}');
      return true;
    }
    const list = buckets.get(bucket) ?? [];
    list.push({ events: body.events, bytes: size, type: req.headers['content-type'] ?? '' });
    if (list.length > MAX_REQUESTS) list.splice(0, list.length - MAX_REQUESTS);
    buckets.set(bucket, list);
    res.writeHead(204).end();
    return true;
  };
}
