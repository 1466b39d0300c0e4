import { assertUuid } from '../../kit/ids';
import type { OrganisationContext } from '../context';
import { loadEnheder } from '../data/load-enheder';
import type { BrugerNode } from '../data/to-node';
import { STORE_TYPES } from '../organisation/organisation-data';

export const Bruger = {
  // Shield does not wrap this resolver; the loader answers null for a user the caller may not see.
  __resolveReference: (reference: { uuid: string }, context: OrganisationContext) =>
    context.loaders.bruger.load(assertUuid(reference.uuid, 'uuid')),

  organisation: (parent: BrugerNode, _: unknown, context: OrganisationContext) =>
    context.loaders.organisation.load(parent.organisation),

  enheder: (parent: BrugerNode, _: unknown, context: OrganisationContext) =>
    loadEnheder(context.loaders.organisationEnhed, parent.enheder),

  registreringer: (parent: BrugerNode, _: unknown, context: OrganisationContext) =>
    context.loaders.registreringer.load({ type: STORE_TYPES.bruger, uuid: parent.uuid }),
};
