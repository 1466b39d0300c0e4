import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../kit/graphql-scalars';
import type { BbrContext } from '../context';
import { Bygning } from './Bygning';
import { Enhed } from './Enhed';
import { Grund } from './Grund';
import { Query } from './Query';

export const resolvers: GraphQLResolverMap<BbrContext> = {
  DateTime: DateTimeScalar,
  Query,
  Bygning,
  Enhed,
  Grund,
};
