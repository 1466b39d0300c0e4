/** One example operation from `examples/`, as the explorer offers it. */
export interface ExplorerExample {
  /** The file name without `.graphql`, e.g. `sagsbehandler-sag`. */
  name: string;
  /** The operation text with its comment header. */
  query: string;
  /** The variables as JSON text (`{}` when the example has none). */
  variables: string;
  /** The development profile the example is meant for (`# Profile: …`). */
  profile: string;
  /** Request headers the example sends (`# Header: Name: value`), Virkningstid among them. */
  headers: Record<string, string>;
}

/** What the gateway tells the explorer page when it serves it (embedded as JSON in the page). */
export interface ExplorerPageConfig {
  /** The GraphQL endpoint, relative to the page. */
  endpoint: string;
  /**
   * The API schema as SDL (`GET /schema.graphql`, with the token): the docs explorer and
   * autocompletion read it there, so they work with introspection switched off too.
   */
  schemaUrl: string;
  /**
   * The development issuer's token endpoint (`POST {"profile": …}` answers `{"token": …}`), and
   * its profile list at `GET <origin>/profiles`. Unset in production: a token is pasted instead.
   */
  tokenUrl?: string;
}

/** The id of the page's `<script type="application/json">` holding the ExplorerPageConfig. */
export const EXPLORER_CONFIG_ELEMENT_ID = 'explorer-config';
