import { Kind } from 'graphql';
import { permissions } from './permissions';
import { readBbrTypeDefs } from './server';

describe('permissions', () => {
  it('has a rule for exactly the fields of every object type in the published SDL', () => {
    // The server denies a field without a rule: a field added to the SDL without one would be
    // unreadable, and a rule without a field is a leftover.
    const fields = Object.fromEntries(
      readBbrTypeDefs()
        .definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION)
        .map((d) => [d.name.value, (d.fields ?? []).map((f) => f.name.value).sort()]),
    );
    const rules = Object.fromEntries(
      Object.entries(permissions).map(([type, rule]) => [type, Object.keys(rule).sort()]),
    );
    expect(rules).toEqual(fields);
  });
});
