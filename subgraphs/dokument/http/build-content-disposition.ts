/**
 * `attachment` with the file name twice: `filename*` in RFC 5987 encoding (UTF-8, percent-escaped)
 * for every modern client, and an ASCII `filename` fallback with everything else replaced, so
 * no character of a user-given name can break out of the header.
 */
export function buildContentDisposition(navn: string): string {
  const fallback = navn.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(navn).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
