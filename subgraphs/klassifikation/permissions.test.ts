import { isObjectType } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { permissions } from './permissions';
import { readKlassifikationTypeDefs } from './server';

describe('permissions', () => {
  it('has a rule for every field of every object type in the SDL, and no other', () => {
    const schema = buildSubgraphSchema({ typeDefs: readKlassifikationTypeDefs() });
    const sdlFields: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Federation's own types (_Service, _Entity) and introspection types are the kit's business.
      if (!isObjectType(type) || type.name.startsWith('_')) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!field.startsWith('_')) sdlFields.push(`${type.name}.${field}`);
      }
    }
    const ruleFields = Object.entries(permissions).flatMap(([type, rules]) =>
      Object.keys(rules as Record<string, unknown>).map((field) => `${type}.${field}`),
    );
    expect(ruleFields.sort()).toEqual(sdlFields.sort());
  });
});
