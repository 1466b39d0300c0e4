import { NotFoundError, VersionConflictError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import {
  INVISIBLE_LIVSCYKLUS,
  type BitemporalStore,
  type Registrering,
  type StoredObject,
} from '../../kit/store/bitemporal-store';
import { patchTimeline } from '../../kit/store/virkning';
import { STORE_TYPES, type ChangeOptions, type SagData } from './sag-data';

/** The case's data in a registration: that of its latest validity period. */
export function getCurrentData(registrering: Registrering<SagData>): SagData {
  const last = registrering.virkninger[registrering.virkninger.length - 1];
  if (!last) throw new Error(`Registration ${registrering.nr} has no validity period`);
  return last.data;
}

/**
 * Applies a change to the case read at `version`, as a RETTET registration valid from `tid`.
 * `decide` sees the current data and returns (or resolves to) the patch, or throws when the change
 * is not allowed; it runs after the visibility and version checks and before the access decision.
 * A case the caller may not see is SAG_NOT_FOUND and a change outside their write access
 * FORBIDDEN (the guard decides); both are decided before anything is written.
 * A stale `version` fails with VERSION_CONFLICT and changes nothing: checked here first for a
 * clear answer, and again atomically by the store against a concurrent writer.
 */
export async function changeSag(
  store: BitemporalStore,
  uuid: string,
  version: number,
  decide: (current: SagData) => Partial<SagData> | Promise<Partial<SagData>>,
  options: ChangeOptions,
): Promise<StoredObject<SagData>> {
  const id = assertUuid(uuid, 'uuid');
  const history = await store.findHistory<SagData>(STORE_TYPES.sag, id);
  const head = history[history.length - 1];
  // A case the caller may not see is missing to them, before its version can say otherwise.
  if (
    !head ||
    INVISIBLE_LIVSCYKLUS.includes(head.livscyklus) ||
    !(await options.guard.maySee(id, getCurrentData(head)))
  ) {
    throw new NotFoundError('SAG_NOT_FOUND', `No case ${id}`);
  }
  if (head.nr !== version) {
    throw new VersionConflictError(`Case ${id} is at version ${head.nr}, not ${version}`, {
      expectedVersion: version,
      currentVersion: head.nr,
    });
  }
  const current = getCurrentData(head);
  const patch: Partial<SagData> = {
    ...(await decide(current)),
    aendret: options.tid.toISOString(),
  };
  await options.guard.assertMayChange(id, current, { ...current, ...patch });
  const virkninger = patchTimeline(head.virkninger, patch, options.tid);
  const result = await store.append<SagData>({
    type: STORE_TYPES.sag,
    uuid: id,
    expectedVersion: version,
    livscyklus: 'RETTET',
    aktoer: options.aktoer,
    note: options.note ?? null,
    virkninger,
    tid: options.tid,
  });
  return { uuid: id, version: result.version, data: { ...current, ...patch } };
}
