import { GraphQLError, parse, type ExecutionResult } from 'graphql';

/**
 * The operation name to send: GraphiQL keeps a tab's last name when its query is replaced (an
 * example picked), so a name the document does not define is dropped.
 */
function getOperationName(params: FetcherParams): string | undefined {
  if (!params.operationName) return undefined;
  try {
    const names = parse(params.query).definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition' && definition.name ? [definition.name.value] : [],
    );
    return names.includes(params.operationName) ? params.operationName : undefined;
  } catch {
    // The gateway tells what is wrong with the document.
    return params.operationName;
  }
}

/** What GraphiQL hands a fetcher: the operation, and the headers pane's contents. */
export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface FetcherOpts {
  headers?: Record<string, unknown>;
}

export type ExplorerFetcher = (
  params: FetcherParams,
  opts?: FetcherOpts,
) => Promise<ExecutionResult>;

export interface ExplorerFetcherOptions {
  endpoint: string;
  /** The current bearer token ('' for none). */
  getToken(): string;
  /** Virkningstid and Registreringstid as set on the page (empty ones are not sent). */
  getTimeHeaders(): Record<string, string>;
  /** Called when the gateway refuses the token (401), so the page can get a new one. */
  onUnauthorized(): void;
}

/**
 * POSTs each operation to the gateway with the page's token and times; the headers pane wins over
 * both. A gateway that does not answer gives an error result instead of a result pane that waits
 * forever.
 */
export function createExplorerFetcher(options: ExplorerFetcherOptions): ExplorerFetcher {
  return async (params, opts) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.getTimeHeaders(),
    };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    for (const [name, value] of Object.entries(opts?.headers ?? {})) {
      headers[name.toLowerCase()] = String(value);
    }
    let response: Response;
    try {
      response = await fetch(options.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...params, operationName: getOperationName(params) }),
      });
    } catch {
      return { errors: [new GraphQLError('The gateway did not answer: is it running?')] };
    }
    if (response.status === 401) options.onUnauthorized();
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      return {
        errors: [new GraphQLError(`The gateway answered ${response.status} without JSON.`)],
      };
    }
  };
}
