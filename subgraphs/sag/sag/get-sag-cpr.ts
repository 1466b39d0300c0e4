import type { SagData } from './sag-data';

/** The CPR numbers of the citizens who are parties to a case. */
export function getSagCpr(data: Pick<SagData, 'parter'>): string[] {
  return data.parter.flatMap((part) => (part.cpr === null ? [] : [part.cpr]));
}
