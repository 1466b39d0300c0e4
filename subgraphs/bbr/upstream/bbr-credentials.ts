/**
 * How the adapter proves who it is. The GraphQL services take an API key or an OAuth token (from
 * client credentials); REST takes a web user's `username`/`password`. Every value is a secret:
 * never logged, never part of an error.
 */
export type BbrCredentials =
  | { kind: 'none' }
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string }
  | { kind: 'password'; username: string; password: string };

/** The setting names that hold a credential kind, for messages that name the problem, not the value. */
export const CREDENTIAL_SETTINGS: Readonly<Record<BbrCredentials['kind'], string>> = {
  none: 'no credentials (BBR_API_KEY, BBR_OAUTH_* or BBR_USERNAME/BBR_PASSWORD)',
  'api-key': 'BBR_API_KEY',
  oauth: 'BBR_OAUTH_CLIENT_ID/BBR_OAUTH_CLIENT_SECRET',
  password: 'BBR_USERNAME/BBR_PASSWORD',
};
