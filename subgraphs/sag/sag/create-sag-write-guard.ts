import type { Caller } from '../../kit/auth/caller';
import type { RowAccess } from '../../kit/auth/row-access';
import type { AuditOperation } from '../../kit/audit/audit-log';
import type { RequestAudit } from '../../kit/audit/create-request-audit';
import { ForbiddenError } from '../../kit/domain-error';
import { getSagCpr } from './get-sag-cpr';
import { OBJEKT_TYPE, type SagData } from './sag-data';
import { toAccessAttributes } from './to-access-attributes';

/**
 * The access checks a change runs before anything is written. Each check writes its access log
 * record (allowed or refused) before it returns, so no change is made unlogged; a change that
 * then fails (a concurrent writer) leaves a record of the attempt.
 */
export interface SagWriteGuard {
  /** Refuses (FORBIDDEN) unless a `sag:skriv` group covers the new case. */
  assertMayCreate(uuid: string, data: SagData): Promise<void>;
  /** False when the caller may not see the case: a change to it is answered as if it were missing. */
  maySee(uuid: string, current: SagData): Promise<boolean>;
  /**
   * Refuses (FORBIDDEN) unless `sag:skriv` covers the case both as it is and as it would be: a
   * case can neither be changed nor moved (unit, KLE, sensitivity) outside the writer's groups.
   */
  assertMayChange(uuid: string, current: SagData, next: SagData): Promise<void>;
}

export interface SagWriteGuardOptions {
  caller: Caller;
  readAccess: RowAccess;
  writeAccess: RowAccess;
  audit: RequestAudit;
}

const WRITE_ROLE = 'sag:skriv';

export function createSagWriteGuard(options: SagWriteGuardOptions): SagWriteGuard {
  const { caller, readAccess, writeAccess, audit } = options;

  const refuse = async (
    operation: AuditOperation,
    objekter: string[],
    cpr: string[],
    dataansvarlig: string,
  ): Promise<never> => {
    await audit.record([
      {
        operation,
        objektType: OBJEKT_TYPE,
        objekter,
        cpr,
        udfald: 'AFVIST',
        rolle: WRITE_ROLE,
        dataansvarlig,
      },
    ]);
    throw new ForbiddenError();
  };

  return {
    async assertMayCreate(uuid, data) {
      const cpr = getSagCpr(data);
      // Citizens and anonymous callers never write, whatever row access says about their CPR.
      if (caller.kind !== 'BRUGER') return refuse('OPRET', [], cpr, data.organisation);
      const decision = await writeAccess.decide(toAccessAttributes(data));
      if (!decision.allowed) return refuse('OPRET', [], cpr, data.organisation);
      await audit.record([
        {
          operation: 'OPRET',
          objektType: OBJEKT_TYPE,
          objekter: [uuid],
          cpr,
          udfald: 'TILLADT',
          grant: decision.grant,
          dataansvarlig: data.organisation,
        },
      ]);
    },

    async maySee(uuid, current) {
      if ((await readAccess.decide(toAccessAttributes(current))).allowed) return true;
      await audit.record([
        {
          operation: 'RET',
          objektType: OBJEKT_TYPE,
          objekter: [uuid],
          cpr: getSagCpr(current),
          udfald: 'AFVIST',
          rolle: WRITE_ROLE,
          dataansvarlig: current.organisation,
        },
      ]);
      return false;
    },

    async assertMayChange(uuid, current, next) {
      const cpr = [...getSagCpr(current), ...getSagCpr(next)];
      // The organisation of a case never changes: `current` names the municipality concerned.
      if (caller.kind !== 'BRUGER') return refuse('RET', [uuid], cpr, current.organisation);
      const before = await writeAccess.decide(toAccessAttributes(current));
      const after = await writeAccess.decide(toAccessAttributes(next));
      if (!before.allowed || !after.allowed)
        return refuse('RET', [uuid], cpr, current.organisation);
      await audit.record([
        {
          operation: 'RET',
          objektType: OBJEKT_TYPE,
          objekter: [uuid],
          cpr,
          udfald: 'TILLADT',
          grant: after.grant,
          dataansvarlig: current.organisation,
        },
      ]);
    },
  };
}
