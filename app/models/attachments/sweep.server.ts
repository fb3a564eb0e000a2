// The orphan sweep: a stored file that no Attachment row names (its row's transaction rolled back, or the process died
// between storing the file and writing the row) is removed once it is older than a grace period, so an upload still
// writing its row keeps its file. An upload of content already stored renews the file's time (store put), and each
// file is checked against the rows once more just before it is removed. Scratch files left by a crashed upload go too.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../../utils/db.server";
import type { AttachmentStore, StoredBlob } from "./blob";

export interface SweepOptions {
  /** Files stored (or renewed) less than this long ago are kept. */
  graceMs: number;
  now?: Date;
  /** Only report what would be removed. */
  dryRun?: boolean;
  /** Progress, one line a batch. */
  log?: (line: string) => void;
  batchSize?: number;
}

export interface SweepResult {
  checked: number;
  /** Unreferenced and past the grace period (removed, unless a dry run). */
  removed: number;
  removedBytes: number;
  /** Unreferenced but still within the grace period. */
  young: number;
  scratchRemoved: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function referenced(db: Db, digests: string[]): Promise<Set<string>> {
  const rows = await db.attachment.findMany({
    where: { sha256: { in: digests } },
    select: { sha256: true },
    distinct: ["sha256"],
  });
  return new Set(rows.map((r) => r.sha256));
}

/** Uploads in progress that never finished: scratch files older than the grace period. */
async function sweepScratch(dir: string, cutoff: number, dryRun: boolean): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
    if (!dryRun) await rm(file, { force: true });
    removed++;
  }
  return removed;
}

export async function sweepOrphans(db: Db, store: AttachmentStore, options: SweepOptions): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - options.graceMs;
  const log = options.log ?? (() => undefined);
  const size = options.batchSize ?? 500;
  const dryRun = options.dryRun ?? false;
  const result: SweepResult = { checked: 0, removed: 0, removedBytes: 0, young: 0, scratchRemoved: 0 };
  const verb = dryRun ? "would remove / 将删除" : "removed / 已删除";
  log(
    `[sweep] ${store.location}: unreferenced files older than ${options.graceMs / 3_600_000} h${dryRun ? " (dry run)" : ""}`,
  );

  async function sweepBatch(batch: StoredBlob[]) {
    const named = await referenced(
      db,
      batch.map((b) => b.sha256),
    );
    for (const blob of batch) {
      if (named.has(blob.sha256)) continue;
      if (blob.storedAt.getTime() >= cutoff) {
        result.young++;
        continue;
      }
      // A row written since the batch was read keeps its file.
      if (await db.attachment.findFirst({ where: { sha256: blob.sha256 }, select: { id: true } })) continue;
      if (!dryRun) await store.remove(blob.sha256);
      result.removed++;
      result.removedBytes += blob.size;
    }
    result.checked += batch.length;
    log(
      `[sweep] ${result.checked} checked, ${result.removed} ${verb} (${mb(result.removedBytes)}), ${result.young} within the grace period`,
    );
  }

  let batch: StoredBlob[] = [];
  for await (const blob of store.list()) {
    batch.push(blob);
    if (batch.length >= size) {
      await sweepBatch(batch);
      batch = [];
    }
  }
  if (batch.length || result.checked === 0) await sweepBatch(batch);
  result.scratchRemoved = await sweepScratch(store.scratchDir, cutoff, dryRun);
  log(
    `[sweep] done / 完成: ${result.checked} files checked, ${result.removed} ${verb} (${mb(result.removedBytes)}), ` +
      `${result.scratchRemoved} unfinished uploads ${dryRun ? "would be " : ""}cleared`,
  );
  return result;
}
