// What every attachment store offers (store.server.ts: a directory; s3-store.server.ts: an S3-compatible bucket), and
// the one way a digest becomes a key. No I/O here.
import type { Readable } from "node:stream";

/** A stored file, as the orphan sweep sees it. */
export interface StoredBlob {
  sha256: string;
  size: number;
  /** When it was stored, or last stored again (a later upload of the same content renews it). */
  storedAt: Date;
}

export interface AttachmentStore {
  /** Where the store is, for people: a directory or s3://bucket/prefix. */
  readonly location: string;
  /** A local directory for uploads in progress (for the local store, on its file system, so `put` can move them). */
  readonly scratchDir: string;
  /** Stores a fully received, checked file under its digest. A digest already stored is kept as is (its time renewed,
   *  so the orphan sweep does not take it while the new row is being written); the scratch file is consumed. */
  put(file: string, sha256: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** The file's bytes as a stream (never read whole into memory). */
  open(sha256: string): Promise<Readable>;
  /** Every stored file, a page at a time. */
  list(): AsyncIterable<StoredBlob>;
  /** Removes a stored file; one already gone is no error. */
  remove(sha256: string): Promise<void>;
}

export const DIGEST = /^[0-9a-f]{64}$/;

/** ab/cdef… for abcdef…; refuses anything but a digest (the digest is computed here, never taken from a request). */
export function digestPath(sha256: string): string {
  if (!DIGEST.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2)}`;
}
