import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '../dokument/assert-date';

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
