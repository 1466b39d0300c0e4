import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * Where a failed subgraph fetch shows in the client's response, relative to the fetch's place in
 * the query plan: the entities it was to complete (the place itself, `[]`), or each root field it
 * asked for. The gateway adds the place. Takes the fetch's document, or its query text (the
 * gateway does not always pass the document).
 */
export function getFetchErrorPaths(fetch: DocumentNode | string | undefined): string[][] {
  let document: DocumentNode | undefined;
  try {
    document = typeof fetch === 'string' ? parse(fetch) : fetch;
  } catch {
    return [[]];
  }
  const operation = document?.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const keys = (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.alias?.value ?? selection.name.value] : [],
  );
  if (keys.length === 0 || keys.includes('_entities')) return [[]];
  return [...new Set(keys)].map((key) => [key]);
}
