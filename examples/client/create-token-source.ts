export interface TokenSourceOptions {
  /**
   * Where tokens come from. Here the development issuer's `POST /token {"profile": …}`; in
   * production the identity broker's token endpoint (client credentials), with the same shape
   * of cache and renewal.
   */
  tokenUrl: string;
  profile: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Fetches a token once and keeps it until the gateway refuses it (`renew`). */
export function createTokenSource(
  options: TokenSourceOptions,
): (request: { renew: boolean }) => Promise<string> {
  const doFetch = options.fetch ?? fetch;
  let token: Promise<string> | null = null;
  return ({ renew }) => {
    if (token === null || renew) {
      token = doFetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ profile: options.profile }),
      }).then(async (response) => {
        const body = (await response.json()) as { token?: string; error?: string };
        if (!response.ok || !body.token) {
          throw new Error(`no token from ${options.tokenUrl}: ${body.error ?? response.status}`);
        }
        return body.token;
      });
      // A failed fetch is not kept: the next request tries again.
      token.catch(() => {
        token = null;
      });
    }
    return token;
  };
}
