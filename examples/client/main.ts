// A sample integration, to copy: gets a token, reads every KLE class page by page and prints
// the count, reads a case (a partial answer is shown, not thrown away), and retitles it with an
// idempotency key. Against `npm start`:
//   npx tsx examples/client/main.ts
// GRAPH_URL (http://localhost:4000/graphql), TOKEN_URL (the development issuer's
// http://127.0.0.1:4090/token) and PROFILE (sagsbehandler) say where and who.
import { createGraphClient } from './create-graph-client';
import { createTokenSource } from './create-token-source';
import { SagVersionDocument, RetSagstitelDocument } from './generated/graphql';
import { readAllKle } from './read-all-kle';

/** A seeded case of Jammerbugt's building department (KLE 02.34.02). */
const SAG = 'ad614de1-120d-5553-9618-eaaec1bd3eed';

async function main(): Promise<void> {
  const client = createGraphClient({
    url: process.env.GRAPH_URL ?? 'http://localhost:4000/graphql',
    getToken: createTokenSource({
      tokenUrl: process.env.TOKEN_URL ?? 'http://127.0.0.1:4090/token',
      profile: process.env.PROFILE ?? 'sagsbehandler',
    }),
  });
  const kle = await readAllKle(client);
  console.log(`${kle.klasser.length} KLE classes in ${kle.pages} pages of at most 100`);
  for (const error of kle.errors)
    console.warn(`partial: ${error.path?.join('.')}: ${error.message}`);

  const { data, errors } = await client.request(SagVersionDocument, { sag: SAG });
  for (const error of errors) console.warn(`partial: ${error.path?.join('.')}: ${error.message}`);
  if (!data.sag) throw new Error(`case ${SAG} is not visible to this profile`);
  const changed = await client.request(RetSagstitelDocument, {
    sag: SAG,
    version: data.sag.version,
    titel: data.sag.titel,
  });
  console.log(`case ${SAG}: version ${data.sag.version} → ${changed.data.opdaterSag.version}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
