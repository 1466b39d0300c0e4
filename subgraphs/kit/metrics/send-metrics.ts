import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** Answers a scrape with everything in `registry`, in the Prometheus text format. */
export async function sendMetrics(res: ServerResponse, registry: Registry): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, {
    'content-type': registry.contentType,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
