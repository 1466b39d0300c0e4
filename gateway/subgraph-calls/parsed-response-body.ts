/**
 * The body of a subgraph answer as the fetcher already parsed it, beside the Response it built,
 * so the data source takes it instead of parsing the text a second time.
 */
const parsedBodies = new WeakMap<Response, Record<string, unknown>>();

export function setParsedResponseBody(response: Response, body: Record<string, unknown>): void {
  parsedBodies.set(response, body);
}

/** The parsed body of a Response the subgraph fetcher returned, once; undefined for any other. */
export function takeParsedResponseBody(response: Response): Record<string, unknown> | undefined {
  const body = parsedBodies.get(response);
  parsedBodies.delete(response);
  return body;
}
