import {
  ConfigError,
  readBoolean,
  readServiceConfig,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'organisation', defaultPort: 4001 };

export interface OrganisationConfig extends ServiceConfig {
  /** SEED=true: load the demo data at start (idempotent). @default false */
  seed: boolean;
}

/** Reads the organisation service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): OrganisationConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const seed = readBoolean(env, 'SEED', false, problems);
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  return { ...service, seed };
}
