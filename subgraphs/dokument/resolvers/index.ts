import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar } from '../../kit/graphql-scalars';
import type { DokumentContext } from '../context';
import { Adgangslog } from './Adgangslog';
import { Dokument } from './Dokument';
import { DokumentDel } from './DokumentDel';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Sag } from './Sag';

export const resolvers: GraphQLResolverMap<DokumentContext> = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query,
  Mutation,
  Adgangslog,
  Dokument,
  DokumentDel,
  Sag,
};
