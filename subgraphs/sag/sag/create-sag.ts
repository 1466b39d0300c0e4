import { randomUUID } from 'node:crypto';
import type { BitemporalStore, StoredObject } from '../../kit/store/bitemporal-store';
import { allocateSagsnummer } from './allocate-sagsnummer';
import { parseOpretSagInput } from './parse-sag-input';
import { STORE_TYPES, type FieldChangeOptions, type SagData } from './sag-data';
import type { OpretSagInput } from './sag-input';

export interface CreateSagOptions extends FieldChangeOptions {
  /** A fixed uuid (the seed's). @default a random uuid */
  uuid?: string;
}

/**
 * Registers a new case (OPSTAAET) valid from `tid`, with the next case number of its
 * municipality. The input is validated, and what it refers to checked, before access is decided
 * (the decision reads the verified KLE number and unit) and before a number is drawn, so bad input
 * costs no number.
 */
export async function createSag(
  store: BitemporalStore,
  input: OpretSagInput,
  options: CreateSagOptions,
): Promise<StoredObject<SagData>> {
  const parsed = parseOpretSagInput(input);
  const fields = await options.references.checkNew(parsed);
  const uuid = options.uuid ?? randomUUID();
  // Decided on the case as it will be stored (its number aside), before a number is drawn.
  await options.guard.assertMayCreate(uuid, {
    sagsnummer: '',
    ...fields,
    fremdrift: 'OPSTAAET',
    oprettet: options.tid.toISOString(),
    aendret: options.tid.toISOString(),
  });
  const sagsnummer = await allocateSagsnummer(store, fields.organisation, options.tid);
  const iso = options.tid.toISOString();
  const data: SagData = {
    sagsnummer,
    ...fields,
    fremdrift: 'OPSTAAET',
    oprettet: iso,
    aendret: iso,
  };
  const { version } = await store.append<SagData>({
    type: STORE_TYPES.sag,
    uuid,
    expectedVersion: 0,
    livscyklus: 'OPSTAAET',
    aktoer: options.aktoer,
    note: options.note ?? null,
    virkninger: [{ fra: options.tid, til: null, data }],
    // Creation time first: searches read newest first with order 'desc'. The store breaks ties
    // between cases created in the same millisecond by uuid.
    sortKey: iso,
    tid: options.tid,
  });
  return { uuid, version, data };
}
