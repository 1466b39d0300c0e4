/**
 * Reads a response body as text, or gives `null` as soon as it passes `maxBytes` (before reading
 * at all when Content-Length says so). Rejects with the signal's reason when it aborts mid-body,
 * so a subgraph that stalls after its headers is cut off too.
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    // Not awaited: cancelling may wait on the other side of the stream.
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  signal.throwIfAborted();
  if (response.headers.has('content-length') && response.headers.get('content-encoding') === null) {
    // Announced and within the cap: read it whole, natively (an abort still ends the read), and
    // make sure it kept its word.
    const text = await response.text();
    return Buffer.byteLength(text) > maxBytes ? null : text;
  }
  const reader = response.body.getReader();
  // A pending read only ends when the stream does; cancelling ends it on abort.
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        cancel();
        return null;
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  return Buffer.concat(chunks).toString('utf8');
}
