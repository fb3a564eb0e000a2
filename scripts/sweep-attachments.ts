// `npm run attachments:sweep -- [--grace-hours 24] [--dry-run] [--every 24]`: removes stored attachment files
// that no attachment names, once older than the grace period (app/models/attachments/sweep.server.ts), in the store
// the configuration names (local or S3). With --every it runs again every that many hours (the deployment's
// attachment-sweep service, docs/deploy.md); without, once, and exits 0 when done.
import { parseArgs } from "node:util";
import { attachmentStore } from "../app/models/attachments/store.server";
import { sweepOrphans } from "../app/models/attachments/sweep.server";
import { db } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";

const USAGE = `用法 / usage: npm run attachments:sweep -- [--grace-hours <小时 hours>] [--dry-run] [--every <小时 hours>]
  删除没有任何附件记录引用、且超过宽限期的存储文件 / removes stored files no attachment names, once past the grace period
  (default ATTACHMENT_SWEEP_GRACE_HOURS = ${env.ATTACHMENT_SWEEP_GRACE_HOURS})`;

function hours(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number of hours ≥ 0: ${value}`);
  return n;
}

async function main(): Promise<number> {
  let args;
  let grace: number;
  let every: number;
  try {
    args = parseArgs({
      options: {
        "grace-hours": { type: "string" },
        every: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
    grace = hours(args["grace-hours"], env.ATTACHMENT_SWEEP_GRACE_HOURS, "grace-hours");
    every = hours(args.every, 0, "every");
    // setTimeout's longest wait is about 24.8 days.
    if (every > 24 * 24) throw new Error(`--every must be at most ${24 * 24} hours: ${args.every}`);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const store = attachmentStore();
  for (;;) {
    await sweepOrphans(db, store, { graceMs: grace * 3_600_000, dryRun: args["dry-run"], log: console.log });
    if (!every) return 0;
    await new Promise((resolve) => setTimeout(resolve, every * 3_600_000));
  }
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e: unknown) => {
    console.error(`[sweep] 清理失败 / the sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
