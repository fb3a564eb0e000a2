// A real S3-protocol server on 127.0.0.1 for the S3 attachment store's tests: moto in server mode (PyPI's moto[server],
// installed into .tools/moto by scripts/install-moto.sh). AWS S3 itself cannot be reached from here, and no S3 service
// ships on npm or in Debian; moto speaks the same HTTP API (SigV4, HEAD/GET/PUT/COPY/DELETE, ListObjectsV2, checksums),
// so the store's requests are the ones it makes in production. Its own process, stopped by its id after the tests.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";

const TOOLS = path.resolve(".tools/moto");

export interface Moto {
  endpoint: string;
  /** Test credentials: moto accepts any key; the client signs with them all the same. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  if (!existsSync(path.join(TOOLS, "moto")))
    throw new Error("moto is not installed: run bash scripts/install-moto.sh (scripts/test.sh does)");
  const child: ChildProcess = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"], {
    env: { ...process.env, PYTHONPATH: TOOLS, PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) resolve(match[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`moto exited (${code}) before it listened:\n${seen}`)));
  });
  const credentials = { accessKeyId: "test-access-key", secretAccessKey: "test-secret-key" };
  const region = "us-east-1";
  const client = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
  return {
    endpoint,
    credentials,
    region,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async stop() {
      client.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
