/** The download path of a part, relative to the host that serves the graph. */
export function getIndholdUrl(dokument: string, del: string): string {
  return `/dokumenter/${dokument}/dele/${del}/indhold`;
}

const INDHOLD_PATH = /^\/dokumenter\/([^/]+)\/dele\/([^/]+)\/indhold$/;

/** The document and part of a download path; null for any other path. */
export function parseIndholdPath(path: string): { dokument: string; del: string } | null {
  const match = INDHOLD_PATH.exec(path);
  return match ? { dokument: match[1] ?? '', del: match[2] ?? '' } : null;
}
