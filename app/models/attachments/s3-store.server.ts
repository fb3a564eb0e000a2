// The attachment store in an S3-compatible bucket (ATTACHMENT_STORE=s3://bucket/prefix; ADR 021), for several app
// instances that share no disk. Keys are the digest (<prefix>/ab/cdef…), so a retried or repeated upload writes the
// same object once: a HEAD first finds it, and a PUT is atomic (an object is whole or absent, never half-written).
// The upload carries its sha256, which AWS S3 checks against the bytes it received. Reads stream.
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { DIGEST, digestPath, type AttachmentStore } from "./blob";

export interface S3StoreOptions {
  bucket: string;
  /** Keys start with `<prefix>/`; empty: at the bucket's root. */
  prefix: string;
  /** An S3-compatible service's URL (path-style addressing); unset: AWS S3. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A local directory for uploads in progress. */
  scratchDir: string;
}

const notFound = (e: unknown) =>
  e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === "NotFound");

export function s3Store(options: S3StoreOptions): AttachmentStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: Boolean(options.endpoint),
    credentials: options.credentials,
    // The SDK's default CRC32 trailer (aws-chunked uploads) is not understood by every S3-compatible service; each
    // upload sends its sha256 instead (ChecksumSHA256), which AWS S3 checks against the bytes it receives.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
  const { bucket } = options;
  const base = options.prefix ? `${options.prefix}/` : "";
  const keyOf = (sha256: string) => base + digestPath(sha256);

  async function has(sha256: string) {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return true;
    } catch (e) {
      if (notFound(e)) return false;
      throw e;
    }
  }

  return {
    location: `s3://${bucket}/${options.prefix}`,
    scratchDir: options.scratchDir,
    has,
    async put(file, sha256) {
      const key = keyOf(sha256);
      try {
        if (await has(sha256)) {
          // Renews its time (a copy onto itself with new metadata) so the orphan sweep leaves it to the new row.
          await client.send(
            new CopyObjectCommand({
              Bucket: bucket,
              Key: key,
              CopySource: `${bucket}/${key}`,
              MetadataDirective: "REPLACE",
              Metadata: { renewed: new Date().toISOString() },
              ContentType: "application/octet-stream",
            }),
          );
          return;
        }
        const { size } = await stat(file);
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: createReadStream(file),
            ContentLength: size,
            ContentType: "application/octet-stream",
            ChecksumAlgorithm: "SHA256",
            ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
          }),
        );
      } finally {
        await rm(file, { force: true });
      }
    },
    async open(sha256) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      // In Node the body is the HTTP response itself: a Readable, read as the client reads the download.
      return object.Body as Readable;
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: base, ContinuationToken: token, MaxKeys: 1000 }),
        );
        for (const object of page.Contents ?? []) {
          const sha256 = (object.Key ?? "").slice(base.length).replace("/", "");
          // Only what this store wrote: anything else under the prefix is someone else's and left alone.
          if (DIGEST.test(sha256) && object.Key === keyOf(sha256))
            yield { sha256, size: object.Size ?? 0, storedAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async remove(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    },
  };
}
