import { parse } from 'graphql';
import { getFetchErrorPaths } from './get-fetch-error-paths';

describe('getFetchErrorPaths', () => {
  it('points an entity fetch at its own place in the plan', () => {
    const document = parse(
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Ting { farve } } }',
    );
    expect(getFetchErrorPaths(document)).toEqual([[]]);
  });

  it('points a root fetch at each root field it asked for, by response key', () => {
    expect(getFetchErrorPaths(parse('mutation { a: maling(id: "1") __typename }'))).toEqual([
      ['a'],
      ['__typename'],
    ]);
  });

  it('reads the query text when there is no document', () => {
    expect(getFetchErrorPaths('mutation { maling(id: "1") }')).toEqual([['maling']]);
  });

  it('falls back to the place in the plan without a readable operation', () => {
    expect(getFetchErrorPaths(undefined)).toEqual([[]]);
    expect(getFetchErrorPaths('{ unclosed')).toEqual([[]]);
  });
});
