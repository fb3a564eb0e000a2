// The text of a 工作方案 as the importer reads it: paragraphs (one per line), with punctuation an OCR-like conversion
// mangled put back where the grammar leaves no doubt (half-width commas and stops between Chinese characters, the
// brackets of a document number, list markers), and helpers splitting paragraphs into sentences (。) and phrases (，；).
// The restoration is reported, so the proposal tells a person to compare the wording with the source.

const HAN = "\\p{Script=Han}";
const between = (from: string, to: string) => new RegExp(`(?<=[${HAN}”）》〕\\d])${from}(?=[${HAN}“（《〔\\d])`, "gu");

/** Paragraphs of the text, punctuation restored; `restored` is true when anything had to be. */
export function readParagraphs(raw: string): { paragraphs: string[]; restored: boolean } {
  let restored = false;
  const paragraphs = raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u3000]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .map((line) => {
      const fixed = restoreLine(line);
      if (fixed !== line) restored = true;
      return fixed;
    });
  return { paragraphs, restored };
}

function restoreLine(line: string): string {
  let s = line
    // 庆政办规,2018.1号 / 庆政办规[2018]1号 / 庆政办规（2018）1号 → 庆政办规〔2018〕1号
    .replace(
      /([\p{Script=Han}]{2,10})\s*[,.。，、〔[【(（]\s*(\d{4})\s*[,.。，、〕\]】)）]\s*(\d{1,4})\s*号/gu,
      "$1〔$2〕$3号",
    )
    // list markers: 一。 一, 一. → 一、; (一) （一. → （一）; 1, 1。 1、 1． → 1.
    .replace(/^([一二三四五六七八九十]{1,3})\s*[。,，.．]\s*/u, "$1、")
    .replace(/^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）.。,，]\s*/u, "（$1）")
    .replace(/^(\d{1,2})\s*[,，。、．.]\s*(?=\p{Script=Han})/u, "$1. ");
  s = s
    .replace(between(",", ""), "，")
    .replace(between(";", ""), "；")
    .replace(between(":", ""), "：")
    .replace(between("\\.", ""), "。")
    .replace(/\((?=[\p{Script=Han}])/gu, "（")
    .replace(/(?<=[\p{Script=Han}。])\)/gu, "）")
    .replace(/(?<=\p{Script=Han})\.$/u, "。")
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, "");
  // The task marker keeps its space: "1. 环境空气质量监测。"
  return s.replace(/^(\d{1,2})\.(?=\p{Script=Han})/u, "$1. ");
}

/** Splits at `marks` outside （…）, 《…》 and “…”, keeping each mark with the part before it. */
function splitOutside(text: string, marks: string, keep: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if ("（《“(".includes(ch)) depth++;
    if ("）》”)".includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && marks.includes(ch)) {
      out.push(keep ? current + ch : current);
      current = "";
    } else current += ch;
  }
  if (current) out.push(current);
  return out.filter((p) => p.length > 0);
}

/** Sentences of a paragraph, each with its 。 (or ！/？). */
export const sentences = (paragraph: string) => splitOutside(paragraph, "。！？", true);

/** Phrases of a sentence: split at ，and ；, the final 。 dropped. */
export const phrases = (sentence: string) => splitOutside(sentence.replace(/[。！？]$/, ""), "，；", false);

/** 一 → 1 … 十九 → 19. */
export function chineseNumber(s: string): number {
  const digits = "一二三四五六七八九";
  if (s === "十") return 10;
  if (s.startsWith("十")) return 10 + digits.indexOf(s[1]) + 1;
  if (s.endsWith("十")) return (digits.indexOf(s[0]) + 1) * 10;
  if (s.includes("十")) return (digits.indexOf(s[0]) + 1) * 10 + digits.indexOf(s[2]) + 1;
  return digits.indexOf(s) + 1;
}

/** Longest common substring length (short strings only: titles and phrases). */
export function commonLength(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}

/** The text outside （…）, and the contents of each outermost （…）: parentheses may nest, 各市（地）政府. */
export function parentheses(s: string): { outside: string; inside: string[] } {
  let depth = 0;
  let outside = "";
  let current = "";
  const inside: string[] = [];
  for (const ch of s) {
    if (ch === "（") {
      if (depth > 0) current += ch;
      depth++;
    } else if (ch === "）" && depth > 0) {
      depth--;
      if (depth === 0) {
        inside.push(current);
        current = "";
      } else current += ch;
    } else if (depth > 0) current += ch;
    else outside += ch;
  }
  return { outside, inside };
}
