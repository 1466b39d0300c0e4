// `npm run bench`: our gateway against plain @apollo/gateway, Hive Gateway and the subgraph asked
// directly, on the seeded graph plus generated cases. Not run by CI; see scripts/bench/README.md.
//
//   npm run bench -- --duration 10 --warmup 3 --connections 16 --rounds 2 --cases 1200
//                    [--no-hive] [--workloads W1,W2] [--targets ours,plain,hive,direct]
//                    [--profile dir] (our gateway under node --cpu-prof; see summarize-cpu-profile.ts)
//                    [--base-port 4400] [--out bench-results]
import { resolve } from 'node:path';
import { formatBenchReport } from './format-bench-report';
import { DEFAULT_BENCH_OPTIONS, runBench, type BenchOptions } from './run-bench';

function readOptions(args: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_BENCH_OPTIONS, log: (line) => console.error(line) };
  const numbers: Record<string, keyof BenchOptions> = {
    '--duration': 'durationSeconds',
    '--warmup': 'warmupSeconds',
    '--connections': 'connections',
    '--rounds': 'rounds',
    '--cases': 'cases',
    '--base-port': 'basePort',
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const value = args[i + 1];
    const key = numbers[arg];
    if (key) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${arg} needs a whole number`);
      Object.assign(options, { [key]: n });
      i += 1;
    } else if (arg === '--no-hive') {
      options.hive = false;
    } else if (arg === '--workloads' && value) {
      options.workloads = value.split(',');
      i += 1;
    } else if (arg === '--targets' && value) {
      options.targets = value.split(',');
      i += 1;
    } else if (arg === '--profile' && value) {
      options.profileDir = resolve(value);
      i += 1;
    } else if (arg === '--out' && value) {
      options.outDir = resolve(value);
      i += 1;
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

runBench(readOptions(process.argv.slice(2)))
  .then((report) => {
    console.log(formatBenchReport(report));
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
