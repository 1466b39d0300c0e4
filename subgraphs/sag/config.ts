import {
  ConfigError,
  readBoolean,
  readServiceConfig,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE = { name: 'sag', defaultPort: 4003 };

export interface SagConfig extends ServiceConfig {
  /** SEED=true: load the demo data at start (idempotent). @default false */
  seed: boolean;
}

/** Reads the sag service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): SagConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, SERVICE, problems);
  const seed = readBoolean(env, 'SEED', false, problems);
  if (problems.length > 0) throw new ConfigError(SERVICE.name, problems);
  return { ...service, seed };
}
