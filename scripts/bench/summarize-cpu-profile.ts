// Prints the functions that took the most CPU (self time) in a V8 .cpuprofile, as written by
// `node --cpu-prof` (npm run bench -- --profile <dir>):
//
//   tsx scripts/bench/summarize-cpu-profile.ts <file.cpuprofile> [top=25] [from-ms=0]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function (name, file and line), largest first, with its share of busy time. */
export function summarizeCpuProfile(
  profile: CpuProfile,
  top: number,
  /** Samples in the first `fromMs` of the profile (start-up) are left out. */
  fromMs = 0,
): { name: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  let elapsedUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    if (!node || elapsedUs < fromMs * 1000) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    const file = url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*\/(gateway|subgraphs)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
    busyUs += delta;
  });
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs === 0 ? 0 : us / busyUs }));
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx scripts/bench/summarize-cpu-profile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const entry of summarizeCpuProfile(
    profile,
    Number(process.argv[3] ?? 25),
    Number(process.argv[4] ?? 0),
  )) {
    console.log(
      `${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.ms.toFixed(0).padStart(7)} ms  ${entry.name}`,
    );
  }
}
