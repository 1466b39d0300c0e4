import { assertUuid } from '../../kit/ids';
import type { OrganisationContext } from '../context';
import type { OrganisationEnhedFilterInput } from '../data/build-organisation-enhed-filter';
import type { OrganisationFilterInput } from '../data/build-organisation-filter';
import type { SearchArgs } from '../data/create-organisation-queries';

export const Query = {
  organisation: (_: unknown, args: { uuid: string }, context: OrganisationContext) =>
    context.loaders.organisation.load(assertUuid(args.uuid, 'uuid')),

  organisationer: (
    _: unknown,
    args: SearchArgs<OrganisationFilterInput>,
    context: OrganisationContext,
  ) => context.queries.searchOrganisationer(args),

  organisationEnhed: (_: unknown, args: { uuid: string }, context: OrganisationContext) =>
    context.loaders.organisationEnhed.load(assertUuid(args.uuid, 'uuid')),

  organisationEnheder: (
    _: unknown,
    args: SearchArgs<OrganisationEnhedFilterInput>,
    context: OrganisationContext,
  ) => context.queries.searchOrganisationEnheder(args),

  bruger: (_: unknown, args: { uuid: string }, context: OrganisationContext) =>
    context.loaders.bruger.load(assertUuid(args.uuid, 'uuid')),
};
