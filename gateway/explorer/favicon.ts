/** The gateway's icon (a node graph), served at /favicon.ico with its SVG type. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><g stroke="#fff" stroke-width="2"><line x1="9" y1="9" x2="23" y2="12"/><line x1="9" y1="9" x2="14" y2="23"/><line x1="23" y1="12" x2="14" y2="23"/></g><g fill="#fff"><circle cx="9" cy="9" r="3.5"/><circle cx="23" cy="12" r="3.5"/><circle cx="14" cy="23" r="3.5"/></g></svg>
`;
