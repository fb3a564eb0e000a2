// Starts test/workflows/support/start-driver.ts as its own Node process (node --import tsx) and talks to it over IPC.
// A request whose process dies first resolves to { killed: signal }, so a test can assert where the app died.
import { fork } from "node:child_process";
import type { GqlResult } from "../../support/graphql";
import type { DriverRequest } from "./start-driver";

export type DriverAnswer = GqlResult & { killed?: NodeJS.Signals | null };

export async function appProcess(env: Record<string, string>) {
  const child = fork("test/workflows/support/start-driver.ts", [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const pending = new Map<number, (a: DriverAnswer) => void>();
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => {
      for (const answer of pending.values()) answer({ killed: signal });
      pending.clear();
      resolve(signal);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code, signal) =>
      reject(new Error(`the app process exited before it was ready (${code ?? signal})`)),
    );
  });
  child.on("message", (m: { id: number; result: GqlResult }) => {
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  let next = 0;
  return {
    exited,
    gql(query: string, variables: Record<string, unknown>, as: string): Promise<DriverAnswer> {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ killed: child.signalCode });
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.send({ id, query, variables, as } satisfies DriverRequest);
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect();
        await exited;
      }
    },
  };
}
