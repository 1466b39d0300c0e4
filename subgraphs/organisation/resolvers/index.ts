import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../kit/graphql-scalars';
import type { OrganisationContext } from '../context';
import { Bruger } from './Bruger';
import { KleTilknytning } from './KleTilknytning';
import { Organisation } from './Organisation';
import { OrganisationEnhed } from './OrganisationEnhed';
import { Query } from './Query';

export const resolvers: GraphQLResolverMap<OrganisationContext> = {
  DateTime: DateTimeScalar,
  Query,
  Organisation,
  OrganisationEnhed,
  Bruger,
  KleTilknytning,
};
