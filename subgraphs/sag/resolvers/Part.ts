import type { SagContext } from '../context';
import { getVisibleCpr } from '../sag/get-visible-cpr';
import type { PartData } from '../sag/sag-data';

export const Part = {
  cpr: (parent: PartData, _: unknown, context: SagContext) => getVisibleCpr(parent, context.caller),
};
