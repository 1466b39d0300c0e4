/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of use of personal data. */
export type AdgangslogOperation =
  /** Objects were read. */
  | 'LAES'
  /** An object was created. */
  | 'OPRET'
  /** An object was changed. */
  | 'RET'
  /** A search was made. */
  | 'SOEG';

/** Whether a use of personal data was allowed. */
export type AdgangslogUdfald =
  /** The use was refused. */
  | 'AFVIST'
  /** The use was allowed. */
  | 'TILLADT';

/** How sensitive the information in a case or document is. */
export type Foelsomhed =
  /** Sensitive personal data (e.g. health, social conditions). */
  | 'FOELSOM'
  /** Confidential. */
  | 'FORTROLIG'
  /** Not confidential. */
  | 'IKKE_FORTROLIG';

/** How far a case has progressed (OIO Sag fremdrift). */
export type Fremdrift =
  /** A decision is made. */
  | 'AFGJORT'
  /** Closed. A closed case does not reopen through `skiftFremdrift`. */
  | 'AFSLUTTET'
  /** Work is ordered. */
  | 'BESTILT'
  /** The facts are established. */
  | 'OPLYST'
  /** Created, not yet looked into. */
  | 'OPSTAAET'
  /** Ordered work is done. */
  | 'UDFOERT';

/** In which capacity a unit relates to a KLE subject. */
export type KleAspekt =
  /** The unit is responsible for cases on the subject. */
  | 'ANSVARLIG'
  /** The unit may see cases on the subject. */
  | 'INDSIGT'
  /** The unit carries out the work. */
  | 'UDFOERENDE';

/** Lifecycle code of a registration (OIO). */
export type Livscyklus =
  /** The object was imported from another system. */
  | 'IMPORTERET'
  /** The object came into being. */
  | 'OPSTAAET'
  /** The object was made inactive; it is no longer visible. */
  | 'PASSIVERET'
  /** The object was changed. */
  | 'RETTET'
  /** The object was deleted; it is no longer visible. */
  | 'SLETTET';

/** The role a party has in a case. */
export type PartRolle =
  /** A relative. */
  | 'PAAROERENDE'
  /** Another party with a legal interest in the case. */
  | 'PART'
  /** The person or company the case is about or who applied. */
  | 'PRIMAERPART'
  /** Someone acting on a party's behalf (lawyer, guardian). */
  | 'REPRAESENTANT';

export type KleSideQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type KleSideQuery = { klasser: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ uuid: string, brugervendtNoegle: string, titel: string }> } | null };

export type RetSagstitelMutationVariables = Exact<{
  sag: string | number;
  version: number;
  titel: string;
}>;


export type RetSagstitelMutation = { opdaterSag: { uuid: string, version: number, titel: string } };

export type SagVersionQueryVariables = Exact<{
  sag: string | number;
}>;


export type SagVersionQuery = { sag: { uuid: string, version: number, titel: string } | null };

export type ByggesagerQueryVariables = Exact<{
  organisation: string | number;
  after?: string | null | undefined;
}>;


export type ByggesagerQuery = { sager: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ sagsnummer: string, titel: string, fremdrift: Fremdrift, oprettet: string, bygninger: Array<{ id: string, bygningsnummer: number | null, opfoerelsesaar: number | null, samletBygningsareal: number | null, bebyggetAreal: number | null, antalEtager: number | null, anvendelse: { kode: string, tekst: string | null } | null }> }> } | null };

export type OrganisationstraeQueryVariables = Exact<{
  rod: string | number;
}>;


export type OrganisationstraeQuery = { organisationEnhed: { navn: string, organisation: { navn: string, cvr: string, kommunekode: string | null }, kle: Array<{ aspekt: KleAspekt, klasse: { brugervendtNoegle: string, titel: string } | null }>, underenheder: Array<{ navn: string, kle: Array<{ aspekt: KleAspekt, klasse: { brugervendtNoegle: string, titel: string } | null }>, underenheder: Array<{ navn: string, kle: Array<{ aspekt: KleAspekt, klasse: { brugervendtNoegle: string, titel: string } | null }>, underenheder: Array<{ navn: string }> }> }> } | null };

export type AdgangslogQueryVariables = Exact<{
  cpr: string;
}>;


export type AdgangslogQuery = { adgangslog: { fra: string, til: string, sag: Array<{ tid: string, aktoer: string, dataansvarlig: string | null, rolle: string | null, operation: AdgangslogOperation, objektType: string, objekter: Array<string>, udfald: AdgangslogUdfald }> | null, dokument: Array<{ tid: string, aktoer: string, dataansvarlig: string | null, operation: AdgangslogOperation, objekter: Array<string>, udfald: AdgangslogUdfald }> | null } | null };

export type EnhedsoversigtQueryVariables = Exact<{
  enhed: string | number;
}>;


export type EnhedsoversigtQuery = { organisationEnhed: { navn: string, sti: Array<{ navn: string }>, underenheder: Array<{ navn: string }>, sager: { totalCount: number, nodes: Array<{ sagsnummer: string, titel: string, fremdrift: Fremdrift, foelsomhed: Foelsomhed, kle: { brugervendtNoegle: string, titel: string } | null, ansvarligEnhed: { navn: string } | null, sagsbehandler: { navn: string } | null }> } | null } | null };

export type SagPaaDatoQueryVariables = Exact<{
  sag: string | number;
}>;


export type SagPaaDatoQuery = { sag: { sagsnummer: string, titel: string, fremdrift: Fremdrift, kle: { brugervendtNoegle: string, titel: string } | null, ansvarligEnhed: { navn: string } | null } | null };

export type SagQueryVariables = Exact<{
  sag: string | number;
}>;


export type SagQuery = { sag: { sagsnummer: string, titel: string, beskrivelse: string | null, fremdrift: Fremdrift, foelsomhed: Foelsomhed, kle: { brugervendtNoegle: string, titel: string, sti: Array<{ brugervendtNoegle: string, titel: string }> } | null, ansvarligEnhed: { navn: string, sti: Array<{ navn: string }> } | null, sagsbehandler: { navn: string } | null, organisation: { navn: string, kommunekode: string | null } | null, parter: Array<{ rolle: PartRolle, navn: string }>, bygninger: Array<{ id: string, bygningsnummer: number | null, opfoerelsesaar: number | null, samletBygningsareal: number | null, anvendelse: { kode: string, tekst: string | null } | null, enheder: Array<{ samletAreal: number | null, anvendelse: { kode: string, tekst: string | null } | null }> | null }>, dokumenter: { totalCount: number, nodes: Array<{ titel: string, brevdato: string, dokumenttype: string, varianter: Array<{ varianttekst: string, dele: Array<{ mimetype: string, stoerrelse: number, indholdUrl: string }> }> }> } | null, registreringer: Array<{ version: number, fra: string, livscyklus: Livscyklus, aktoer: string, note: string | null, aendredeFelter: Array<string> }> } | null };


export const KleSideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KleSide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klasser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}}]}}]} as unknown as DocumentNode<KleSideQuery, KleSideQueryVariables>;
export const RetSagstitelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetSagstitel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"titel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opdaterSag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sag"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"titel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"titel"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}}]} as unknown as DocumentNode<RetSagstitelMutation, RetSagstitelMutationVariables>;
export const SagVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SagVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}}]} as unknown as DocumentNode<SagVersionQuery, SagVersionQueryVariables>;
export const ByggesagerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Byggesager"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sager"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"organisation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisation"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kle"},"value":{"kind":"StringValue","value":"02.34.02","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sagsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"fremdrift"}},{"kind":"Field","name":{"kind":"Name","value":"oprettet"}},{"kind":"Field","name":{"kind":"Name","value":"bygninger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bygningsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"anvendelse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kode"}},{"kind":"Field","name":{"kind":"Name","value":"tekst"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opfoerelsesaar"}},{"kind":"Field","name":{"kind":"Name","value":"samletBygningsareal"}},{"kind":"Field","name":{"kind":"Name","value":"bebyggetAreal"}},{"kind":"Field","name":{"kind":"Name","value":"antalEtager"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ByggesagerQuery, ByggesagerQueryVariables>;
export const OrganisationstraeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organisationstrae"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rod"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationEnhed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rod"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"kommunekode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aspekt"}},{"kind":"Field","name":{"kind":"Name","value":"klasse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"underenheder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aspekt"}},{"kind":"Field","name":{"kind":"Name","value":"klasse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"underenheder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aspekt"}},{"kind":"Field","name":{"kind":"Name","value":"klasse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"underenheder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationstraeQuery, OrganisationstraeQueryVariables>;
export const AdgangslogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Adgangslog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adgangslog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cpr"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fra"}},{"kind":"Field","name":{"kind":"Name","value":"til"}},{"kind":"Field","name":{"kind":"Name","value":"sag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tid"}},{"kind":"Field","name":{"kind":"Name","value":"aktoer"}},{"kind":"Field","name":{"kind":"Name","value":"dataansvarlig"}},{"kind":"Field","name":{"kind":"Name","value":"rolle"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"objektType"}},{"kind":"Field","name":{"kind":"Name","value":"objekter"}},{"kind":"Field","name":{"kind":"Name","value":"udfald"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dokument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tid"}},{"kind":"Field","name":{"kind":"Name","value":"aktoer"}},{"kind":"Field","name":{"kind":"Name","value":"dataansvarlig"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"objekter"}},{"kind":"Field","name":{"kind":"Name","value":"udfald"}}]}}]}}]}}]} as unknown as DocumentNode<AdgangslogQuery, AdgangslogQueryVariables>;
export const EnhedsoversigtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Enhedsoversigt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enhed"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationEnhed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enhed"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"sti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"underenheder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sager"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inkluderUnderenheder"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"fremdrift"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPSTAAET"},{"kind":"EnumValue","value":"OPLYST"},{"kind":"EnumValue","value":"AFGJORT"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sagsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"fremdrift"}},{"kind":"Field","name":{"kind":"Name","value":"foelsomhed"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ansvarligEnhed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sagsbehandler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnhedsoversigtQuery, EnhedsoversigtQueryVariables>;
export const SagPaaDatoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SagPaaDato"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sagsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"fremdrift"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ansvarligEnhed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}}]}}]}}]} as unknown as DocumentNode<SagPaaDatoQuery, SagPaaDatoQueryVariables>;
export const SagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sag"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uuid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sag"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sagsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"beskrivelse"}},{"kind":"Field","name":{"kind":"Name","value":"fremdrift"}},{"kind":"Field","name":{"kind":"Name","value":"foelsomhed"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"sti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brugervendtNoegle"}},{"kind":"Field","name":{"kind":"Name","value":"titel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ansvarligEnhed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"sti"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sagsbehandler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"navn"}},{"kind":"Field","name":{"kind":"Name","value":"kommunekode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolle"}},{"kind":"Field","name":{"kind":"Name","value":"navn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bygninger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bygningsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"anvendelse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kode"}},{"kind":"Field","name":{"kind":"Name","value":"tekst"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opfoerelsesaar"}},{"kind":"Field","name":{"kind":"Name","value":"samletBygningsareal"}},{"kind":"Field","name":{"kind":"Name","value":"enheder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"anvendelse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kode"}},{"kind":"Field","name":{"kind":"Name","value":"tekst"}}]}},{"kind":"Field","name":{"kind":"Name","value":"samletAreal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dokumenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"titel"}},{"kind":"Field","name":{"kind":"Name","value":"brevdato"}},{"kind":"Field","name":{"kind":"Name","value":"dokumenttype"}},{"kind":"Field","name":{"kind":"Name","value":"varianter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"varianttekst"}},{"kind":"Field","name":{"kind":"Name","value":"dele"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"stoerrelse"}},{"kind":"Field","name":{"kind":"Name","value":"indholdUrl"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"registreringer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"fra"}},{"kind":"Field","name":{"kind":"Name","value":"livscyklus"}},{"kind":"Field","name":{"kind":"Name","value":"aktoer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"aendredeFelter"}}]}}]}}]}}]} as unknown as DocumentNode<SagQuery, SagQueryVariables>;