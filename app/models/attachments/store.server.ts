// Where attached files live: by content (sha256), so the same file attached twice is stored once. Behind a small
// interface so a deployment can keep them elsewhere (docs/decisions/021-attachment-store.md): a directory in the data
// directory (the default, <dir>/ab/cdef… for the digest abcdef…) or an S3-compatible bucket (s3-store.server.ts).
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { attachmentDir, env, projectRoot, type Env } from "../../utils/env.server";
import { digestPath, DIGEST, type AttachmentStore } from "./blob";
import { s3Store } from "./s3-store.server";

export { DIGEST, digestPath, type AttachmentStore, type StoredBlob } from "./blob";

export function localStore(root: string): AttachmentStore {
  const pathOf = (sha256: string) => path.join(root, ...digestPath(sha256).split("/"));
  const has = async (sha256: string) =>
    stat(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    location: root,
    scratchDir: path.join(root, "incoming"),
    has,
    async put(file, sha256) {
      const target = pathOf(sha256);
      if (await has(sha256)) {
        const at = new Date();
        await utimes(target, at, at).catch(() => undefined);
        return void (await rm(file, { force: true }));
      }
      await mkdir(path.dirname(target), { recursive: true });
      // rename is atomic: a reader never sees half a file, and two uploads of the same content both end in one file.
      await rename(file, target);
    },
    async open(sha256) {
      return createReadStream(pathOf(sha256));
    },
    async *list() {
      const prefixes = await readdir(root).catch(() => [] as string[]);
      for (const prefix of prefixes.filter((p) => /^[0-9a-f]{2}$/.test(p)).sort()) {
        for (const rest of (await readdir(path.join(root, prefix)).catch(() => [] as string[])).sort()) {
          const sha256 = prefix + rest;
          if (!DIGEST.test(sha256)) continue;
          const info = await stat(path.join(root, prefix, rest)).catch(() => null);
          if (info?.isFile()) yield { sha256, size: info.size, storedAt: info.mtime };
        }
      }
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

type StoreConfig = Pick<
  Env,
  | "ATTACHMENT_STORE"
  | "ATTACHMENT_DIR"
  | "DATABASE_URL"
  | "S3_ENDPOINT"
  | "AWS_REGION"
  | "AWS_ACCESS_KEY_ID"
  | "AWS_SECRET_ACCESS_KEY"
  | "AWS_SESSION_TOKEN"
>;

/** The store a configuration names: `local`, or `s3://bucket/prefix` with S3_ENDPOINT and the AWS variables. */
export function storeFromConfig(config: StoreConfig): AttachmentStore {
  if (config.ATTACHMENT_STORE === "local") return localStore(attachmentDir(config));
  const url = new URL(config.ATTACHMENT_STORE);
  const scratchDir = config.ATTACHMENT_DIR
    ? path.resolve(projectRoot, config.ATTACHMENT_DIR, "incoming")
    : path.join(os.tmpdir(), "eco-attachments-incoming");
  const credentials =
    config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: config.AWS_ACCESS_KEY_ID,
          secretAccessKey: config.AWS_SECRET_ACCESS_KEY,
          sessionToken: config.AWS_SESSION_TOKEN,
        }
      : undefined;
  return s3Store({
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ""),
    endpoint: config.S3_ENDPOINT,
    region: config.AWS_REGION,
    credentials,
    scratchDir,
  });
}

let configured: AttachmentStore | null = null;

/** The store the configuration names (ATTACHMENT_STORE, ATTACHMENT_DIR, S3_ENDPOINT, AWS_*). */
export function attachmentStore(): AttachmentStore {
  return (configured ??= storeFromConfig(env));
}
