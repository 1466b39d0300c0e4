import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authentication, Authenticator } from '../subgraphs/kit/auth/create-authenticator';
import { UnauthenticatedError } from '../subgraphs/kit/auth/create-token-verifier';
import { sendGraphQLError } from '../subgraphs/kit/http/send-json';

/**
 * Authenticates a request before anything else is done with it (its body is not read, no
 * subgraph is called). Every token problem gets the same answer, HTTP 401 with
 * `WWW-Authenticate: Bearer` and one UNAUTHENTICATED error, and resolves null; the reason is
 * never told.
 */
export async function authenticateRequest(
  authenticate: Authenticator,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Authentication | null> {
  try {
    return await authenticate(req.headers);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    res.setHeader('www-authenticate', 'Bearer');
    // The refused body is not read; the connection must not be reused for the rest of it.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close');
    sendGraphQLError(res, error.status, error.code, error.message);
    return null;
  }
}
