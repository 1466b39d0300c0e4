import { readPort } from '../../kit/config';
import { createLogger } from '../../kit/logger';
import { exitOnStartupFailure } from '../../kit/run-service';
import { createOfflineBbrUpstream } from './create-offline-bbr-upstream';

// The offline BBR upstream on PORT (default 4099), for `npm start` and local runs. With
// OFFLINE_BBR_API_KEY set it accepts only that API key (GraphQL), as the real service would.
async function main(): Promise<void> {
  const problems: string[] = [];
  const port = readPort(process.env, 'PORT', 4099, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const logger = createLogger({ name: 'bbr-offline', level: process.env.LOG_LEVEL ?? 'info' });
  const apiKey = process.env.OFFLINE_BBR_API_KEY;
  const upstream = await createOfflineBbrUpstream({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    credentials: apiKey ? { apiKey } : undefined,
  });
  logger.info({ graphql: `${upstream.graphqlUrl}/BBR/<version>`, rest: upstream.url }, 'listening');
  const stop = (): void => {
    upstream.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(exitOnStartupFailure);
