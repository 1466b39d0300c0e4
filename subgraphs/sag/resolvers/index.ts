import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../kit/graphql-scalars';
import type { SagContext } from '../context';
import { Adgangslog } from './Adgangslog';
import { Bygning } from './Bygning';
import { Mutation } from './Mutation';
import { OrganisationEnhed } from './OrganisationEnhed';
import { Part } from './Part';
import { Query } from './Query';
import { Sag } from './Sag';

export const resolvers: GraphQLResolverMap<SagContext> = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Sag,
  OrganisationEnhed,
  Bygning,
  Part,
  Adgangslog,
};
