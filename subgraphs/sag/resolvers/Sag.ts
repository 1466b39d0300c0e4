import type { SagContext } from '../context';
import type { SagNode } from '../data/to-sag-node';

// The referenced entities belong to other subgraphs: a reference is enough, the gateway fetches
// them. (This subgraph asks organisation and klassifikation only to check a change's references
// and to decide access, never to resolve these fields.)
export const Sag = {
  // The same decision as `Query.sag`: a case the caller may not see resolves to null.
  __resolveReference: (reference: { uuid: string }, context: SagContext) =>
    context.queries.findSag(reference.uuid),

  kle: (parent: SagNode) => ({ __typename: 'Klasse', uuid: parent.kle }),

  handlingsfacet: (parent: SagNode) =>
    parent.handlingsfacet === null ? null : { __typename: 'Klasse', uuid: parent.handlingsfacet },

  ansvarligEnhed: (parent: SagNode) => ({
    __typename: 'OrganisationEnhed',
    uuid: parent.ansvarligEnhed,
  }),

  sagsbehandler: (parent: SagNode) =>
    parent.sagsbehandler === null ? null : { __typename: 'Bruger', uuid: parent.sagsbehandler },

  organisation: (parent: SagNode) => ({ __typename: 'Organisation', uuid: parent.organisation }),

  bygninger: (parent: SagNode) => parent.bygninger.map((id) => ({ __typename: 'Bygning', id })),

  oprettet: (parent: SagNode) => new Date(parent.oprettet),

  aendret: (parent: SagNode) => new Date(parent.aendret),

  registreringer: (parent: SagNode, _: unknown, context: SagContext) =>
    context.queries.findRegistreringer(parent),
};
