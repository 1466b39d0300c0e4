import { parse, type GraphQLError } from 'graphql';
import { hideTokenLimit } from './hide-token-limit';

describe('hideTokenLimit', () => {
  it("replaces graphql-js's token-limit message, which carries the number", () => {
    let error: GraphQLError | undefined;
    try {
      parse('{ a b c d e }', { maxTokens: 3 });
    } catch (thrown) {
      error = thrown as GraphQLError;
    }
    const formatted = hideTokenLimit(error?.toJSON() ?? { message: '' });
    expect(formatted.message).toBe('The query has too many tokens');
  });

  it('leaves other errors alone', () => {
    const other = { message: 'Syntax Error: Expected Name, found <EOF>.' };
    expect(hideTokenLimit(other)).toBe(other);
  });
});
