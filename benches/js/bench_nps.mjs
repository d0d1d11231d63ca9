// cx nps / csat / ces (wasm) vs idiomatic JS (filter / reduce on an array with nulls) and a
// hand-written typed-array loop, on the same data, in Node; ratios are ours ÷ peer.
// The same benchmark (bench_core.mjs) runs in headless Chromium: bench_browser.mjs.
//
//   node bindings/wasm/scripts/build.mjs          # or scripts/test-js, which builds pkg/
//   node benches/js/bench_nps.mjs [--max 7] [--min 4] [--extra-n 1000000] [--repeat 7] [--json PATH]
//   node benches/js/bench_nps.mjs --zero [--json PATH]   # issue 17 item 3: ScoresBuffer / copy vs validating loops at 10⁶
//
// The wasm timing includes copying the typed array into wasm memory (every call).
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { cpus, loadavg, platform, arch, release } from "node:os";
import { runBench, formatTable, TIMING, runZeroCopy, formatZeroTable } from "./bench_core.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export function parseArgs(argv) {
  const get = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
  };
  return {
    minExp: Number(get("--min", 4)),
    maxExp: Number(get("--max", 7)),
    extraN: Number(get("--extra-n", 1_000_000)),
    repeat: Number(get("--repeat", 7)),
    json: get("--json", null),
    zero: argv.includes("--zero"),
  };
}

export function machine() {
  const c = cpus();
  return { cpu: c[0]?.model?.trim() ?? "?", cores: c.length, os: `${platform()} ${release()} ${arch()}` };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkg = join(here, "..", "..", "bindings", "wasm", "pkg", "node", "index.cjs");
  const cx = require(pkg);
  const load = [loadavg()[0]];
  const runtime = `Node ${process.version}`;
  if (args.zero) {
    console.log(`# issue 17 item 3 in ${runtime}: 10⁶ scores from a Float64Array; speedups are peer ÷ ours`);
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc");
    const rows = await runZeroCopy(cx, { repeat: args.repeat, now: () => performance.now(), log: (l) => console.error(l), gc });
    load.push(loadavg()[0]);
    console.log(formatZeroTable(rows));
    console.log(`load average (1 min) ${load.map((l) => l.toFixed(1)).join(" → ")}`);
    if (args.json) {
      const out = { env: "node", runtime, machine: machine(), date: new Date().toISOString(), loadavg_1m: load, timing: TIMING, zero_copy: rows };
      writeFileSync(args.json, JSON.stringify(out, null, 1) + "\n");
      console.log(`wrote ${args.json}`);
    }
    return;
  }
  console.log(`# nps / csat / ces in ${runtime}: wasm (copy included) vs JS; ours ÷ peer`);
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const rows = await runBench(cx, { ...args, now: () => performance.now(), log: (l) => console.error(l), gc });
  load.push(loadavg()[0]);
  console.log(formatTable(rows));
  if (args.json) {
    const out = {
      env: "node", runtime, cxmetrics: typeof cx.version === "function" ? cx.version() : cx.version, machine: machine(),
      date: new Date().toISOString(), loadavg_1m: load, timing: TIMING, results: rows,
    };
    writeFileSync(args.json, JSON.stringify(out, null, 1) + "\n");
    console.log(`wrote ${args.json}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
