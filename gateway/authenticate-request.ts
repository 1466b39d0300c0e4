import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authentication, Authenticator } from '../subgraphs/kit/auth/create-authenticator';
import { UnauthenticatedError } from '../subgraphs/kit/auth/create-token-verifier';
import { UNAUTHENTICATED_DESCRIPTIONS } from '../subgraphs/kit/auth/get-unauthenticated-reason';
import { sendGraphQLError } from '../subgraphs/kit/http/send-json';

/**
 * `WWW-Authenticate` per RFC 6750 §3: no error code when the request had no token at all,
 * `invalid_request` for a malformed header, `invalid_token` for a token that does not verify.
 */
function printChallenge(error: UnauthenticatedError): string {
  const description = `error_description="${UNAUTHENTICATED_DESCRIPTIONS[error.reason]}"`;
  if (error.reason === 'NO_TOKEN') return `Bearer ${description}`;
  const code = error.reason === 'MALFORMED_HEADER' ? 'invalid_request' : 'invalid_token';
  return `Bearer error="${code}", ${description}`;
}

/**
 * Authenticates a request before anything else is done with it (its body is not read, no
 * subgraph is called). Every token problem gets the same answer, HTTP 401 with
 * `WWW-Authenticate: Bearer` and one UNAUTHENTICATED error, and resolves null; the reason is
 * told only when `explain` is set (development: expired, wrong audience, unknown key, no token…).
 */
export async function authenticateRequest(
  authenticate: Authenticator,
  req: IncomingMessage,
  res: ServerResponse,
  explain = false,
): Promise<Authentication | null> {
  try {
    return await authenticate(req.headers);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    res.setHeader('www-authenticate', explain ? printChallenge(error) : 'Bearer');
    // The refused body is not read; the connection must not be reused for the rest of it.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close');
    const message = explain
      ? `${error.message}: ${UNAUTHENTICATED_DESCRIPTIONS[error.reason]}`
      : error.message;
    sendGraphQLError(res, error.status, error.code, message);
    return null;
  }
}
