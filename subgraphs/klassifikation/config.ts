import {
  ConfigError,
  readBoolean,
  readServiceConfig,
  type Env,
  type ServiceConfig,
} from '../kit/config';

export const SERVICE_NAME = 'klassifikation';

export interface KlassifikationConfig extends ServiceConfig {
  /** SEED=true: import the project's small KLE seed at start (idempotent). @default false */
  seed: boolean;
}

/** Reads the klassifikation service's settings; throws one ConfigError listing every problem. */
export function loadConfig(env: Env): KlassifikationConfig {
  const problems: string[] = [];
  const service = readServiceConfig(env, { name: SERVICE_NAME, defaultPort: 4002 }, problems);
  const seed = readBoolean(env, 'SEED', false, problems);
  if (problems.length > 0) throw new ConfigError(SERVICE_NAME, problems);
  return { ...service, seed };
}
