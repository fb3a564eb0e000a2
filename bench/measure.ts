// Timing and the printed table. Both sides of a case are warmed up, then timed N times each; medians of wall time
// are reported, and beside them the mean CPU time per operation, which moves far less with the machine's load.
import { performance } from "node:perf_hooks";

export interface Timing {
  median: number;
  p90: number;
  min: number;
  samples: number;
  /** Mean CPU ms per operation: this process, plus whatever `extraCpuMs` adds (the server's, for the product). */
  cpu: number;
}

function summarise(ms: number[], cpuTotal: number): Timing {
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { median: at(0.5), p90: at(0.9), min: ms[0], samples: ms.length, cpu: cpuTotal / ms.length };
}

export interface Side {
  run: () => unknown;
  /** CPU ms used so far by other processes doing this side's work (a server); sampled before and after each run. */
  extraCpuMs?: () => number;
}

const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function once(side: Side, wall: number[]): Promise<number> {
  const c0 = ownCpuMs();
  const e0 = side.extraCpuMs?.() ?? 0;
  const t0 = performance.now();
  await side.run();
  wall.push(performance.now() - t0);
  return ownCpuMs() - c0 + (side.extraCpuMs?.() ?? 0) - e0;
}

/**
 * Times two implementations of the same operation, alternating them so that load from other processes on a shared
 * machine falls on both sides alike.
 */
export async function timePair(a: Side, b: Side, warmup: number, iterations: number): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a.run();
    await b.run();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  let ca = 0;
  let cb = 0;
  for (let i = 0; i < iterations; i++) {
    ca += await once(a, ta);
    cb += await once(b, tb);
  }
  return [summarise(ta, ca), summarise(tb, cb)];
}

export interface ResultRow {
  scale: string;
  /** sqlite or postgresql: each row's product and floor ran on the same database. */
  database: string;
  operation: string;
  product: Timing;
  floor: Timing;
  note?: string;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

export function table(rows: ResultRow[], warmup: number, iterations: number): string {
  const head = [
    "scale",
    "database",
    "operation",
    "product median ms",
    "floor median ms",
    "ratio",
    "product p90",
    "floor p90",
    "product CPU ms",
    "floor CPU ms",
    "CPU ratio",
  ];
  const body = rows.map((r) => [
    r.scale,
    r.database,
    r.operation,
    fmt(r.product.median),
    fmt(r.floor.median),
    `${(r.product.median / r.floor.median).toFixed(2)}×`,
    fmt(r.product.p90),
    fmt(r.floor.p90),
    fmt(r.product.cpu),
    fmt(r.floor.cpu),
    `${(r.product.cpu / r.floor.cpu).toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const out = [
    line(head),
    `|${widths.map((w, i) => (i < 3 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...body.map(line),
  ];
  // One note per scale and operation, however many databases ran it.
  const notes = [...new Set(rows.filter((r) => r.note).map((r) => `  ${r.scale} ${r.operation}: ${r.note}`))];
  return [
    ...out,
    "",
    `warm-up ${warmup}, then ${iterations} timed iterations per side, alternating (a case may set its own count); ratio = product median / floor median`,
    "CPU: mean per operation; product = the server process (all threads, 10 ms ticks summed over the run) + this client; floor = this process",
    "on postgresql, both sides also count the CPU of the throwaway cluster's processes (its backends do the SQL work)",
    ...notes,
  ].join("\n");
}
