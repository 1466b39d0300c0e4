import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from './is-calendar-date';
import type { Registrering } from './store/bitemporal-store';

/** ISO 8601 instants in and out; Date values inside the resolvers. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    // Not `instanceof`: a Date made in another realm (structuredClone under a test runner's VM)
    // is still a Date, and String() of it would drop the milliseconds.
    const date =
      Object.prototype.toString.call(value) === '[object Date]'
        ? new Date((value as Date).getTime())
        : new Date(String(value));
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

function parseDate(value: unknown): string {
  if (!isCalendarDate(value)) {
    throw new GraphQLError('Date must be a calendar date YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Calendar dates as `YYYY-MM-DD` strings in and out; the resolvers see the same string. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => {
    if (!isCalendarDate(value)) throw new GraphQLError('Date cannot represent value');
    return value;
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
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
