import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlaRecorder } from './create-sla-recorder';
import { runSlaReport } from './run-sla-report';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (text: string) => out.push(text), stderr: (line: string) => err.push(line) },
  };
}

describe('runSlaReport', () => {
  it('asks /status of the gateway given with --url and prints the table', async () => {
    const sla = createSlaRecorder({ subgraphs: ['sag'] });
    sla.record({ serviceName: 'sag', outcome: 'ok', durationMs: 12 });
    const asked: string[] = [];
    const { out, err, io } = capture();
    const code = await runSlaReport(['--url', 'http://gateway.test:4000/graphql'], {
      ...io,
      fetch: async (input) => {
        asked.push(String(input));
        return Response.json({ ...sla.getReport(), breakers: { sag: 'closed' } });
      },
    });
    expect([code, asked, err]).toEqual([0, ['http://gateway.test:4000/status'], []]);
    expect(out.join('')).toMatch(/sag\s+1h\s+closed\s+1\s+100\.00 %/);
  });

  it('exits 1 with a clear message when the gateway cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { out, err, io } = capture();
    const code = await runSlaReport([`--url=http://127.0.0.1:${port}`], io);
    expect([code, out]).toEqual([1, []]);
    expect(err).toEqual([
      `Cannot reach the gateway at http://127.0.0.1:${port}: is it running? Pass its address with --url.`,
    ]);
  });

  it('exits 1 when the answer is not a gateway status', async () => {
    const { err, io } = capture();
    const code = await runSlaReport([], {
      ...io,
      fetch: async () => new Response('<html>', { status: 404 }),
    });
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^The gateway at http:\/\/127\.0\.0\.1:4000 answered 404/);
  });

  it('exits 1 with the usage on a wrong argument', async () => {
    const { err, io } = capture();
    expect(await runSlaReport(['--url'], io)).toBe(1);
    expect(await runSlaReport(['--uri', 'x'], io)).toBe(1);
    expect(await runSlaReport(['--url', 'ftp://x'], io)).toBe(1);
    expect(err.filter((line) => line.startsWith('usage:'))).toHaveLength(3);
  });
});
