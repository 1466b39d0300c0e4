/** A GraphQL Name of sane length: safe as a metric label, a span name and a log field. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** What a request names its operation: the resolved operation's name first, then the request's. */
export interface OperationNameSource {
  readonly operationName?: string | null;
  readonly request: { readonly operationName?: string | null };
}

/**
 * The operation's name, or "anonymous" for an unnamed one. The name the client put in the
 * request is used only when the document never resolved (a parse error, say) and only when it is
 * a plain GraphQL name, so nothing arbitrary reaches a label or a log.
 */
export function getOperationName(source: OperationNameSource): string {
  for (const name of [source.operationName, source.request.operationName]) {
    if (typeof name === 'string' && OPERATION_NAME.test(name)) return name;
  }
  return 'anonymous';
}
