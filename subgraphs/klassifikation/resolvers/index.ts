import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTimeScalar } from '../../kit/graphql-scalars';
import type { KlassifikationContext } from '../context';
import { Facet } from './Facet';
import { Klasse } from './Klasse';
import { Klassifikation } from './Klassifikation';
import { Query } from './Query';

/** Every resolver of the klassifikation subgraph, one file per GraphQL type. */
export const resolvers: GraphQLResolverMap<KlassifikationContext> = {
  DateTime: DateTimeScalar,
  Query,
  Klassifikation,
  Facet,
  Klasse,
};
