import { parse } from 'graphql';
import { getOperationKind } from './forwarding-data-source';

describe('getOperationKind', () => {
  it('reads the kind from the plan document when there is one', () => {
    expect(getOperationKind(parse('mutation M { a }'), '{ a }')).toBe('mutation');
    expect(getOperationKind(parse('fragment F on Q { a } query Q { ...F }'), undefined)).toBe(
      'query',
    );
  });

  it('else reads the first word of the printed operation', () => {
    expect(getOperationKind(undefined, 'query Oversigt__sag__1($a:ID!){sag(uuid:$a){titel}}')).toBe(
      'query',
    );
    expect(getOperationKind(undefined, '  mutation{opretSag(input:{}){uuid}}')).toBe('mutation');
    expect(getOperationKind(undefined, '{_entities(representations:[]){__typename}}')).toBe(
      'query',
    );
  });

  it('tells nothing when the text starts otherwise, so the body is read instead', () => {
    expect(
      getOperationKind(undefined, 'fragment F on Sag { titel } query { sager { ...F } }'),
    ).toBe(null);
    expect(getOperationKind(undefined, undefined)).toBeNull();
  });
});
