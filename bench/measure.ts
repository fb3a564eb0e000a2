// Timing and the printed table. Both sides of a case are warmed up, then timed N times each; medians are reported.
import { performance } from "node:perf_hooks";

export interface Timing {
  median: number;
  p90: number;
  min: number;
  samples: number;
}

function summarise(ms: number[]): Timing {
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { median: at(0.5), p90: at(0.9), min: ms[0], samples: ms.length };
}

/**
 * Times two implementations of the same operation, alternating them so that load from other processes on a shared
 * machine falls on both sides alike.
 */
export async function timePair(a: () => unknown, b: () => unknown, warmup: number, iterations: number): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  return [summarise(ta), summarise(tb)];
}

export interface ResultRow {
  scale: string;
  operation: string;
  product: Timing;
  floor: Timing;
  note?: string;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

export function table(rows: ResultRow[], warmup: number, iterations: number): string {
  const head = ["scale", "operation", "product median ms", "floor median ms", "ratio", "product p90", "floor p90"];
  const body = rows.map((r) => [
    r.scale,
    r.operation,
    fmt(r.product.median),
    fmt(r.floor.median),
    `${(r.product.median / r.floor.median).toFixed(2)}×`,
    fmt(r.product.p90),
    fmt(r.floor.p90),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.scale} ${r.operation}: ${r.note}`);
  return [
    ...out,
    "",
    `warm-up ${warmup}, then ${iterations} timed iterations per side (fewer where a case sets its own); ratio = product median / floor median`,
    ...notes,
  ].join("\n");
}
