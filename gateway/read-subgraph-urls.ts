import { Kind, parse, visit } from 'graphql';

/** The subgraph URLs composed into a supergraph (`@join__graph(name:, url:)`), by name. */
export function readSubgraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== 'join__graph') return;
      const argument = (name: string): string | undefined => {
        const value = node.arguments?.find((a) => a.name.value === name)?.value;
        return value?.kind === Kind.STRING ? value.value : undefined;
      };
      const name = argument('name');
      const url = argument('url');
      if (name && url) urls[name] = url;
    },
  });
  return urls;
}
