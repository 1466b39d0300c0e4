import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, visit, type ASTNode } from 'graphql';
import {
  composeSupergraph,
  readSubgraphList,
  SCHEMA_DIR,
  SUPERGRAPH_FILE,
} from './compose-supergraph';

describe('the published subgraph schemas', () => {
  it('compose into the committed supergraph', () => {
    expect(composeSupergraph()).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it.each(readSubgraphList().map((s) => [s.name, s.file]))(
    '%s describes every type, field, input field and enum value',
    (_name, file) => {
      const missing: string[] = [];
      const check = (
        node: ASTNode & { description?: unknown; name?: { value: string } },
        where: string,
      ) => {
        if (!node.description) missing.push(where);
      };
      let current = '';
      visit(parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), {
        ObjectTypeDefinition(node) {
          current = node.name.value;
          check(node, current);
        },
        InputObjectTypeDefinition(node) {
          check(node, node.name.value);
          // Input fields need their own text; field arguments are described by their field.
          for (const field of node.fields ?? [])
            check(field, `${node.name.value}.${field.name.value}`);
        },
        EnumTypeDefinition(node) {
          current = node.name.value;
          check(node, current);
        },
        ScalarTypeDefinition(node) {
          check(node, node.name.value);
        },
        FieldDefinition(node) {
          check(node, `${current}.${node.name.value}`);
        },
        EnumValueDefinition(node) {
          check(node, `${current}.${node.name.value}`);
        },
      });
      expect(missing).toEqual([]);
    },
  );

  it('fail to compose when two subgraphs disagree on a shared type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    writeFileSync(
      join(dir, 'subgraphs.json'),
      JSON.stringify({
        a: { file: 'a.graphql', url: 'http://a' },
        b: { file: 'b.graphql', url: 'http://b' },
      }),
    );
    writeFileSync(join(dir, 'a.graphql'), 'type Query { a: Ting } type Ting { navn: String }');
    writeFileSync(join(dir, 'b.graphql'), 'type Query { b: Ting } type Ting { navn: Int }');
    expect(() => composeSupergraph(dir)).toThrow(/Composition failed/);
  });
});
