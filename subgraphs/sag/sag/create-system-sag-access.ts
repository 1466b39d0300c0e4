import type { SagReferenceCheck } from './create-sag-reference-check';
import type { SagWriteGuard } from './create-sag-write-guard';
import { requireKleNummer, requireKleNummerInPatch } from './parse-sag-input';

/** One change a system writer made without a caller's access checks. */
export interface SystemSagWrite {
  writer: string;
  operation: 'OPRET' | 'RET';
  uuid: string;
}

/** The guard and reference check of a named system writer, and what it has written. */
export interface SystemSagAccess {
  guard: SagWriteGuard;
  references: SagReferenceCheck;
  /** Every write it let through, oldest first, for its caller to log. */
  writes: SystemSagWrite[];
}

/**
 * Access for a writer that acts as the system, not on a caller's behalf: the demo seed, or a
 * test that sets up its cases. Every write is allowed and recorded under `writer` (so the system
 * writes unchecked but never unnoticed), and references are taken as given, so each case must
 * state its `kleNummer`. The write API has no way to write without a guard: this is the one way
 * to write without a caller, and it says so by name.
 */
export function createSystemSagAccess(writer: string): SystemSagAccess {
  const writes: SystemSagWrite[] = [];
  return {
    writes,
    guard: {
      async assertMayCreate(uuid) {
        writes.push({ writer, operation: 'OPRET', uuid });
      },
      async maySee() {
        return true;
      },
      async assertMayChange(uuid) {
        writes.push({ writer, operation: 'RET', uuid });
      },
    },
    references: {
      checkNew: async (fields) => requireKleNummer(fields),
      checkPatch: async (_current, patch) => requireKleNummerInPatch(patch),
    },
  };
}
