import { assertUuid } from '../../kit/ids';
import type { OrganisationContext } from '../context';
import { loadEfterkommerIder } from '../data/load-efterkommer-ider';
import { loadSti } from '../data/load-sti';
import type { OrganisationEnhedNode } from '../data/to-node';
import { STORE_TYPES } from '../organisation/organisation-data';

export const OrganisationEnhed = {
  __resolveReference: (reference: { uuid: string }, context: OrganisationContext) =>
    context.loaders.organisationEnhed.load(assertUuid(reference.uuid, 'uuid')),

  organisation: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    context.loaders.organisation.load(parent.organisation),

  overordnet: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    parent.overordnet === null ? null : context.loaders.organisationEnhed.load(parent.overordnet),

  underenheder: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    context.loaders.underenheder.load(parent.uuid),

  sti: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    loadSti(context.loaders.organisationEnhed, parent),

  efterkommerIder: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    loadEfterkommerIder(context.loaders.underenheder, parent.uuid),

  registreringer: (parent: OrganisationEnhedNode, _: unknown, context: OrganisationContext) =>
    context.loaders.registreringer.load({
      type: STORE_TYPES.organisationEnhed,
      uuid: parent.uuid,
    }),
};
