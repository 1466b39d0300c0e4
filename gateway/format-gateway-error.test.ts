import { formatGatewayError } from './format-gateway-error';

describe('formatGatewayError', () => {
  it("ends an entity fetch's path at the list whose items it could not complete", () => {
    const formatted = formatGatewayError({
      message: 'The bbr service did not answer',
      path: ['sager', 'nodes', '@', 'bygninger', '@'],
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'bbr' },
    });
    expect(formatted.path).toEqual(['sager', 'nodes']);
    expect(formatGatewayError({ message: 'x', path: ['sag', 'kle'] }).path).toEqual(['sag', 'kle']);
  });

  it("passes a subgraph's deliberate code and safe details on, and drops everything else", () => {
    expect(
      formatGatewayError({
        message: 'AFSLUTTET cannot change to OPLYST',
        path: ['skiftFremdrift'],
        extensions: {
          code: 'FREMDRIFT_NOT_ALLOWED',
          serviceName: 'sag',
          fra: 'AFSLUTTET',
          til: 'OPLYST',
          response: { url: 'http://10.0.0.5:4003/graphql', body: 'stack' },
        },
      }),
    ).toEqual({
      message: 'AFSLUTTET cannot change to OPLYST',
      path: ['skiftFremdrift'],
      locations: undefined,
      extensions: {
        code: 'FREMDRIFT_NOT_ALLOWED',
        serviceName: 'sag',
        fra: 'AFSLUTTET',
        til: 'OPLYST',
      },
    });
  });

  it('masks an unknown code that did not come from a subgraph', () => {
    expect(
      formatGatewayError({
        message: 'connect ECONNREFUSED 10.0.0.5',
        extensions: { code: 'ECONNREFUSED' },
      }),
    ).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps a masked subgraph error masked, naming only the service', () => {
    expect(
      formatGatewayError({
        message: 'whatever the subgraph said',
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          serviceName: 'dokument',
          stacktrace: ['at x'],
        },
      }).extensions,
    ).toEqual({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'dokument' });
  });
});
