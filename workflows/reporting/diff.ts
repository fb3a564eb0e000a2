// What changed between two versions of a report's text, word by word. Chinese has no spaces between words, so the
// text is cut with Intl.Segmenter's word granularity (ICU's dictionary: 监测|点位|布设, and English words as words),
// then the longest common subsequence of the words gives what was kept, deleted and inserted. Pure; not used in
// workflow code (the API computes it when a page asks).

export type ChangeKind = "SAME" | "INSERTED" | "DELETED";
export interface TextChange {
  kind: ChangeKind;
  text: string;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
export const words = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
/** Coarser pieces for long texts: sentences and lines, ending with their punctuation. */
const sentences = (text: string): string[] => text.match(/[^。！？；!?;\n]*[。！？；!?;\n]?/g)!.filter(Boolean);

/** Keeps the DP table small: 2,000 × 2,000 words at most (a long report diffs by sentence instead). */
const MAX_CELLS = 4_000_000;

function lcsDiff(a: string[], b: string[]): TextChange[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], stored row by row.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[at(i, j)] =
        a[i] === b[j] ? lengths[at(i + 1, j + 1)] + 1 : Math.max(lengths[at(i + 1, j)], lengths[at(i, j + 1)]);
  const out: TextChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: "SAME", text: a[i++] });
      j++;
    } else if (i < n && (j === m || lengths[at(i + 1, j)] >= lengths[at(i, j + 1)])) {
      out.push({ kind: "DELETED", text: a[i++] });
    } else {
      out.push({ kind: "INSERTED", text: b[j++] });
    }
  }
  return out;
}

/** Trims what both share at the start and the end, then diffs the middle; `coarser` cuts a middle too long for it. */
function tokenDiff(a: string[], b: string[], coarser?: (text: string) => string[]): TextChange[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle: TextChange[] =
    (midA.length + 1) * (midB.length + 1) <= MAX_CELLS
      ? lcsDiff(midA, midB)
      : coarser
        ? tokenDiff(coarser(midA.join("")), coarser(midB.join("")))
        : [
            { kind: "DELETED", text: midA.join("") },
            { kind: "INSERTED", text: midB.join("") },
          ];
  return [
    { kind: "SAME", text: a.slice(0, start).join("") },
    ...middle,
    { kind: "SAME", text: a.slice(endA).join("") },
  ];
}

/** Adjacent pieces of one kind joined; empty ones dropped; a deletion before the insertion that replaces it. */
function merge(changes: TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  for (const c of changes) {
    if (!c.text) continue;
    const last = out[out.length - 1];
    if (last?.kind === c.kind) last.text += c.text;
    else out.push({ ...c });
  }
  return out;
}

/** The changes that turn `before` into `after`: SAME, DELETED and INSERTED pieces in reading order. */
export function diffText(before: string, after: string): TextChange[] {
  if (before === after) return merge([{ kind: "SAME", text: before }]);
  return merge(tokenDiff(words(before), words(after), sentences));
}
