import type { PointInTime } from '../../kit/point-in-time';
import { selectRegistration } from '../bbr/select-registration';
import { getLokalId, type BbrRecord } from '../upstream/bbr-record';

/** Each object's registration at `at`, in the order the objects first appear. */
export function selectEachObject(records: readonly BbrRecord[], at: PointInTime): BbrRecord[] {
  const byId = new Map<string, BbrRecord[]>();
  for (const record of records) {
    const id = getLokalId(record);
    if (id === null) continue;
    const list = byId.get(id);
    if (list) list.push(record);
    else byId.set(id, [record]);
  }
  return [...byId.values()]
    .map((history) => selectRegistration(history, at))
    .filter((r): r is BbrRecord => r !== null);
}
