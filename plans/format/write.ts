// A plan file as YAML text: the fields in the format's order, long wording on one line each (a plan's sentences are
// quoted word for word; folding them would make diffs unreadable), and a `# review:` comment beside every field a
// person must check, mirroring the file's `review` list.
import { Document, isNode, isScalar, visit, type Node } from "yaml";
import type { PlanFile } from "./schema";

export function planFileText(plan: PlanFile, header: string[] = []): string {
  const doc = new Document(plan);
  for (const r of plan.review ?? []) {
    const node = doc.getIn(pathOf(r.at), true);
    if (isNode(node)) addComment(node, `review: ${r.what}`);
  }
  // Short lists of codes (supports, elements) read best on one line: `supports: [finance, land]`.
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every(isScalar) && JSON.stringify(node.toJSON()).length <= 72) node.flow = true;
    },
  });
  if (header.length > 0) doc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}

function addComment(node: Node, text: string) {
  // Scalars take the comment at the end of their line; a list or map takes it on the line before.
  if ("items" in node) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n ${text}` : ` ${text}`;
  else node.comment = node.comment ? `${node.comment}; ${text}` : ` ${text}`;
}

/** `taskGroups[0].tasks[1].leads` → ["taskGroups", 0, "tasks", 1, "leads"]. */
export function pathOf(at: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of at.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
