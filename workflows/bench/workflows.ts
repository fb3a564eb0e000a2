// The benchmark's floor: a workflow that does nothing, so starting N of them measures the server and worker alone.
export async function trivialWorkflow(n: number): Promise<number> {
  return n;
}
