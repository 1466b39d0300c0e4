import { VersionConflictError } from '../domain-error';
import {
  INVISIBLE_LIVSCYKLUS,
  type Data,
  type PointInTime,
  type Registrering,
  type StoredObject,
  type Virkning,
} from './bitemporal-store';

/** True when `time` lies in the half-open interval [fra, til). */
export function isWithin(time: Date, fra: Date, til: Date | null): boolean {
  return fra.getTime() <= time.getTime() && (til === null || time.getTime() < til.getTime());
}

/** The registration current at `registreringstid`, or undefined. */
export function findRegistreringAt<T extends Data>(
  registreringer: readonly Registrering<T>[],
  registreringstid: Date,
): Registrering<T> | undefined {
  return registreringer.find((r) => isWithin(registreringstid, r.fra, r.til));
}

/** The object as visible at `at`: its registration then, and the data valid then. */
export function selectAt<T extends Data>(
  uuid: string,
  registreringer: readonly Registrering<T>[],
  at: PointInTime,
): StoredObject<T> | null {
  const registrering = findRegistreringAt(registreringer, at.registreringstid);
  if (!registrering || INVISIBLE_LIVSCYKLUS.includes(registrering.livscyklus)) return null;
  const virkning = registrering.virkninger.find((v) => isWithin(at.virkningstid, v.fra, v.til));
  return virkning ? { uuid, version: registrering.nr, data: virkning.data } : null;
}

/** Throws unless the periods are ordered, non-empty and do not overlap. */
export function assertTimeline(virkninger: readonly Virkning[]): void {
  virkninger.forEach((v, i) => {
    if (v.til !== null && v.til.getTime() <= v.fra.getTime()) {
      throw new RangeError(`virkning ${i} ends before it starts`);
    }
    const next = virkninger[i + 1];
    if (next && (v.til === null || v.til.getTime() > next.fra.getTime())) {
      throw new RangeError(`virkning ${i} overlaps the next one`);
    }
  });
}

/**
 * A new timeline in which `patch` applies to every period from `fra` on (until `til`), splitting
 * the periods that straddle the boundaries. Periods before `fra` keep their data: history is kept.
 */
export function patchTimeline<T extends Data>(
  virkninger: readonly Virkning<T>[],
  patch: Partial<T>,
  fra: Date,
  til: Date | null = null,
): Virkning<T>[] {
  const result: Virkning<T>[] = [];
  const cuts = [fra, til].filter((d): d is Date => d !== null);
  for (const period of virkninger) {
    let pieces: Virkning<T>[] = [period];
    for (const cut of cuts) {
      pieces = pieces.flatMap((p) =>
        isWithin(cut, p.fra, p.til) && cut.getTime() !== p.fra.getTime()
          ? [
              { ...p, til: cut },
              { ...p, fra: cut },
            ]
          : [p],
      );
    }
    for (const piece of pieces) {
      const inside =
        piece.fra.getTime() >= fra.getTime() &&
        (til === null || piece.fra.getTime() < til.getTime());
      result.push(inside ? { ...piece, data: { ...piece.data, ...patch } } : piece);
    }
  }
  return mergeAdjacent(result);
}

function mergeAdjacent<T extends Data>(virkninger: Virkning<T>[]): Virkning<T>[] {
  const merged: Virkning<T>[] = [];
  for (const v of virkninger) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.til !== null &&
      last.til.getTime() === v.fra.getTime() &&
      JSON.stringify(last.data) === JSON.stringify(v.data)
    ) {
      merged[merged.length - 1] = { ...last, til: v.til };
    } else {
      merged.push(v);
    }
  }
  return merged;
}

/**
 * The registration that an append produces, checked against the current head. Shared by the
 * adapters so both enforce the same rules.
 */
export function buildRegistrering<T extends Data>(
  head: { version: number; lastFra: Date | null } | null,
  input: {
    uuid: string;
    expectedVersion: number;
    livscyklus: Registrering['livscyklus'];
    aktoer: string;
    note?: string | null;
    virkninger: Virkning<T>[];
    tid?: Date;
  },
  now: Date,
): Registrering<T> {
  const currentVersion = head?.version ?? 0;
  if (currentVersion !== input.expectedVersion) {
    throw new VersionConflictError(
      `Object ${input.uuid} is at version ${currentVersion}, not ${input.expectedVersion}`,
      { expectedVersion: input.expectedVersion, currentVersion },
    );
  }
  assertTimeline(input.virkninger);
  const requested = input.tid ?? now;
  // Transaction time never runs backwards for one object, even if clocks disagree.
  const fra =
    head?.lastFra && head.lastFra.getTime() >= requested.getTime()
      ? new Date(head.lastFra.getTime() + 1)
      : requested;
  return {
    nr: currentVersion + 1,
    fra,
    til: null,
    livscyklus: input.livscyklus,
    aktoer: input.aktoer,
    note: input.note ?? null,
    virkninger: input.virkninger,
  };
}
