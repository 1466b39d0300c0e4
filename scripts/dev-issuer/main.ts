// Runs the development issuer alone (npm start runs it itself):
//   node --import tsx scripts/dev-issuer/main.ts     PORT (4090), HOST (127.0.0.1), STORE_DIR (.data)
import { createDevIssuerServer } from './create-dev-issuer-server';
import { DEV_ISSUER_SETTINGS } from './dev-issuer-settings';
import { getDevIssuerKeyFile } from './load-dev-issuer-key';
import { getDevStoreDir } from './get-dev-store-dir';
import { loadDevIssuer } from './load-dev-issuer';

async function main(): Promise<void> {
  const storeDir = getDevStoreDir(process.env);
  const issuer = await loadDevIssuer(storeDir);
  const server = createDevIssuerServer(issuer);
  const port = Number(process.env.PORT || DEV_ISSUER_SETTINGS.port);
  const host = process.env.HOST || '127.0.0.1';
  server.listen(port, host, () => {
    console.log(`Development issuer ${issuer.issuer} on http://${host}:${port}/jwks.json`);
    console.log(`Key: ${getDevIssuerKeyFile(storeDir)}. Tokens: npm run token -- --list`);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    // Only key lookups in flight: nothing worth waiting for on keep-alive sockets.
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
