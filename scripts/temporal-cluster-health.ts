// The gRPC health of a Temporal cluster's service processes, and its namespace, for scripts/temporal-cluster.sh.
//   wait ADDRESS=SERVICE[@PID]…    until every one answers SERVING (exit 1 after --timeout seconds, default 120, or at
//                                  once when a given process has exited: a bad config or schema ends it in a second)
//   status ADDRESS=SERVICE…        print each one's status once (exit 1 unless all serve)
//   namespace FRONTEND NAMESPACE   register the namespace unless it exists, and wait until the frontend serves it
// `temporal operator cluster health` asks the frontend only; history, matching and worker each answer the standard
// grpc.health.v1 service under their own name (a history host reports SERVING only once it owns its shards).
import { Connection } from "@temporalio/client";
import { msToTs } from "@temporalio/common";

const HEALTH_NAMES: Record<string, string> = {
  frontend: "temporal.api.workflowservice.v1.WorkflowService",
  history: "temporal.api.workflowservice.v1.HistoryService",
  matching: "temporal.api.workflowservice.v1.MatchingService",
  worker: "temporal.api.workflowservice.v1.WorkerService",
};
const STATUS = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];
const ALREADY_EXISTS = 6;

interface Target {
  address: string;
  service: string;
  pid?: number;
}

function parseTarget(arg: string): Target {
  const [address, named] = arg.split("=");
  const [service, pid] = (named ?? "").split("@");
  if (!address || !service || !HEALTH_NAMES[service])
    throw new Error(`not ADDRESS=frontend|history|matching|worker[@PID]: ${arg}`);
  return { address, service, pid: pid ? Number(pid) : undefined };
}

function exited(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** SERVING, NOT_SERVING, … or why it could not be asked. */
async function health({ address, service }: Target): Promise<string> {
  const connection = Connection.lazy({ address, connectTimeout: "2s" });
  try {
    const answer = await connection.withDeadline(Date.now() + 2000, () =>
      connection.healthService.check({ service: HEALTH_NAMES[service] }),
    );
    return STATUS[answer.status ?? 0] ?? String(answer.status);
  } catch (e) {
    return `UNREACHABLE (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`;
  } finally {
    await connection.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitAll(targets: Target[], timeoutSeconds: number): Promise<boolean> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let pending = targets;
  while (pending.length > 0) {
    const answers = await Promise.all(pending.map(async (t) => ({ t, status: await health(t) })));
    pending = answers.filter((a) => a.status !== "SERVING").map((a) => a.t);
    if (pending.length === 0) return true;
    const gone = pending.filter((t) => exited(t.pid));
    for (const t of gone) console.error(`${t.service} at ${t.address} (pid ${t.pid}) has exited`);
    if (gone.length > 0) return false;
    if (Date.now() > deadline) {
      for (const a of answers.filter((a) => a.status !== "SERVING"))
        console.error(`${a.t.service} at ${a.t.address}: ${a.status}`);
      return false;
    }
    await sleep(250);
  }
  return true;
}

async function ensureNamespace(address: string, namespace: string, timeoutSeconds: number) {
  const connection = await Connection.connect({ address, connectTimeout: "5s" });
  try {
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs("3 days") })
      .catch((e: { code?: number }) => {
        if (e.code !== ALREADY_EXISTS) throw e;
      });
    // A new namespace reaches the frontend's namespace cache a moment later; a query through it proves it arrived.
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await sleep(250);
      }
    }
  } finally {
    await connection.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const timeoutAt = argv.indexOf("--timeout");
  const timeout = timeoutAt >= 0 ? Number(argv.splice(timeoutAt, 2)[1]) : 120;
  const [command, ...args] = argv;
  if (command === "wait") return (await waitAll(args.map(parseTarget), timeout)) ? 0 : 1;
  if (command === "status") {
    let ok = true;
    for (const t of args.map(parseTarget)) {
      const status = await health(t);
      ok &&= status === "SERVING";
      console.log(`${t.service.padEnd(9)} ${t.address.padEnd(16)} ${status}`);
    }
    return ok ? 0 : 1;
  }
  if (command === "namespace" && args.length === 2) {
    await ensureNamespace(args[0], args[1], timeout);
    return 0;
  }
  console.error("usage: temporal-cluster-health.ts wait|status ADDRESS=SERVICE… | namespace FRONTEND NAMESPACE");
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
