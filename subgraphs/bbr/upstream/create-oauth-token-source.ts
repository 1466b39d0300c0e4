import { CredentialsRejectedError } from './credentials-rejected-error';
import { UpstreamUnavailableError } from './upstream-unavailable-error';

export interface OAuthTokenSourceOptions {
  /** The token endpoint (OAuth 2 client credentials grant). A secret-free URL. */
  tokenUrl: string;
  clientId: string;
  /** Secret: sent only in the token request's body, never logged. */
  clientSecret: string;
  /** Each token request is abandoned after this long. */
  timeoutMs: number;
  /** A token is renewed this long before it expires. @default 60000 */
  refreshMarginMs?: number;
  /** @default Date.now */
  now?: () => number;
}

export interface OAuthTokenSource {
  /** A valid access token: the cached one, or a new one when it is near expiry. */
  getToken(): Promise<string>;
  /** Forgets the cached token (the upstream refused it). */
  invalidate(): void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Access tokens from an OAuth 2 token endpoint by the client credentials grant
 * (`grant_type=client_credentials`, form-encoded), cached until `refreshMarginMs` (at most half
 * the lifetime) before `expires_in` runs out. Concurrent callers share one token request. A 400
 * or 401 from the endpoint is a CredentialsRejectedError; anything else failing is
 * UpstreamUnavailableError.
 */
export function createOAuthTokenSource(options: OAuthTokenSourceOptions): OAuthTokenSource {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function requestToken(): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(options.tokenUrl, {
        method: 'POST',
        signal: controller.signal,
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
        }).toString(),
      });
      body = await response.json().catch(() => null);
    } catch {
      throw new UpstreamUnavailableError(controller.signal.aborted ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 400 || response.status === 401) {
      throw new CredentialsRejectedError(
        `the BBR token endpoint refused the OAuth client credentials (HTTP ${response.status}); check BBR_OAUTH_CLIENT_ID and BBR_OAUTH_CLIENT_SECRET`,
      );
    }
    if (!response.ok) throw new UpstreamUnavailableError('status');
    if (!isObject(body) || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new UpstreamUnavailableError('malformed');
    }
    const lifetimeMs =
      typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : 0;
    const issued = now();
    cached = {
      token: body.access_token,
      renewAt: issued + lifetimeMs - Math.min(margin, lifetimeMs / 2),
    };
    return body.access_token;
  }

  return {
    getToken() {
      if (cached !== null && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= requestToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate() {
      cached = null;
    },
  };
}
