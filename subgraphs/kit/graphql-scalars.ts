import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { Registrering } from './store/bitemporal-store';

/** ISO 8601 instants in and out; Date values inside the resolvers. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent value');
    return date.toISOString();
  },
  parseValue(value) {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError('DateTime must be an ISO 8601 string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return date;
  },
  parseLiteral(ast) {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError('DateTime must be an ISO 8601 string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return date;
  },
});

/** The GraphQL `Registrering` of a stored registration. */
export function toRegistreringNode(registrering: Registrering): {
  version: number;
  fra: Date;
  til: Date | null;
  livscyklus: string;
  aktoer: string;
  note: string | null;
} {
  return {
    version: registrering.nr,
    fra: registrering.fra,
    til: registrering.til,
    livscyklus: registrering.livscyklus,
    aktoer: registrering.aktoer,
    note: registrering.note,
  };
}
