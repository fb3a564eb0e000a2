// Where attached files live: by content (sha256), so the same file attached twice is stored once. Behind a small
// interface so a deployment can keep them elsewhere (docs/decisions/021-attachment-store.md); the default is a
// directory in the data directory, <dir>/ab/cdef… for the digest abcdef….
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { attachmentDir, env } from "../../utils/env.server";
import { AppError } from "../../utils/errors";

export interface AttachmentStore {
  /** A directory for uploads in progress (on the same file system as the store, so `put` can move them). */
  readonly scratchDir: string;
  /** Moves a fully received, checked file into the store under its digest; a digest already stored is kept as is. */
  put(file: string, sha256: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  open(sha256: string): Promise<Readable>;
}

const DIGEST = /^[0-9a-f]{64}$/;

export function localStore(root: string): AttachmentStore {
  const pathOf = (sha256: string) => {
    // The digest is computed here, never taken from a request; still, nothing but a digest becomes a path.
    if (!DIGEST.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2));
  };
  const has = async (sha256: string) =>
    stat(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    scratchDir: path.join(root, "incoming"),
    has,
    async put(file, sha256) {
      const target = pathOf(sha256);
      if (await has(sha256)) return void (await rm(file, { force: true }));
      await mkdir(path.dirname(target), { recursive: true });
      // rename is atomic: a reader never sees half a file, and two uploads of the same content both end in one file.
      await rename(file, target);
    },
    async open(sha256) {
      return createReadStream(pathOf(sha256));
    },
  };
}

let configured: AttachmentStore | null = null;

/** The store the configuration names (ATTACHMENT_STORE, ATTACHMENT_DIR). */
export function attachmentStore(): AttachmentStore {
  if (configured) return configured;
  if (env.ATTACHMENT_STORE === "s3")
    // Not built yet (ADR 021): refusing beats silently writing to the local disk of one instance.
    throw new AppError(
      "INTERNAL_SERVER_ERROR",
      "附件存储配置为 S3，但本版本尚未实现 S3 存储，请将 ATTACHMENT_STORE 设为 local",
      "ATTACHMENT_STORE is s3, which this version does not implement yet; set ATTACHMENT_STORE=local",
    );
  return (configured = localStore(attachmentDir()));
}
