import type { PointInTime } from '../../kit/point-in-time';
import type { BbrRecord } from '../upstream/bbr-record';

/** BBR's Livscyklus code for a registration made in error: it never described the object. */
const FEJLREGISTRERET = '11';

function toTime(value: unknown, open: number): number {
  if (typeof value !== 'string') return open;
  const time = Date.parse(value);
  return Number.isNaN(time) ? open : time;
}

function contains(record: BbrRecord, prefix: string, at: Date): boolean {
  const instant = at.getTime();
  return (
    toTime(record[`${prefix}Fra`], -Infinity) <= instant &&
    instant < toTime(record[`${prefix}Til`], Infinity)
  );
}

/**
 * The registration that describes an object at `at`: known at the Registreringstid and in effect
 * at the Virkningstid. BBR is asked for that instant and answers for it; this pick settles an
 * answer that still holds more than one registration of the object (REST's period search can).
 * When several qualify, the latest registered wins; null when none does.
 */
export function selectRegistration(
  records: readonly BbrRecord[],
  at: PointInTime,
): BbrRecord | null {
  let selected: BbrRecord | null = null;
  for (const record of records) {
    if (String(record.status ?? '') === FEJLREGISTRERET) continue;
    if (!contains(record, 'registrering', at.registreringstid)) continue;
    if (!contains(record, 'virkning', at.virkningstid)) continue;
    if (
      selected === null ||
      toTime(record.registreringFra, -Infinity) >= toTime(selected.registreringFra, -Infinity)
    ) {
      selected = record;
    }
  }
  return selected;
}
