// The seed is faithful to the document: the cleaned text is the source text with punctuation restored; every task's
// own sentence names exactly the lead and supporting departments the seed gives it; every dated target and recurring
// duty in the text is in the seed, quoted word for word.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { departments, planClauses, targets, taskGroups } from "../seed/plan";

const raw = readFileSync("seed/plan/source/000_ace8364d03e1f3b2.txt", "utf8");
const doc = readFileSync("seed/plan/document.zh.txt", "utf8");
const lettersOnly = (s: string) => s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
const tasks = taskGroups.flatMap((g) => g.tasks);

/** Task paragraphs as the document has them: "N. 标题。正文…", grouped under （一）…（五）. */
function documentTasks(): Map<string, { title: string; body: string }> {
  const main = doc.split("四、主要任务")[1].split("五、工作要求")[0];
  const out = new Map<string, { title: string; body: string }>();
  main
    .split(/\n(?=（[一二三四五]）)/)
    .slice(1)
    .forEach((group, gi) => {
      for (const line of group.split("\n")) {
        const m = line.match(/^(\d+)\. ([^。]+)。(.*)$/);
        if (m) out.set(`${gi + 1}.${m[1]}`, { title: m[2], body: m[3] });
      }
    });
  return out;
}

/** Reads lead and supporting departments off a task's responsibility sentence, independently of the seed. */
function parseResponsibility(sentence: string) {
  const leads: { name: string; scope?: string }[] = [];
  let supports: string[] = [];
  const segments = sentence
    .replace(/（[^）]*）/g, "")
    .replace(/。$/, "")
    .split("，");
  for (const seg of segments) {
    if (seg.startsWith("各县区政府")) continue;
    const support = seg.match(/^(.+)等配合$/);
    if (support) {
      supports = support[1].split("、");
      continue;
    }
    const lead = seg.match(/^(.+?)(牵头负责|牵头|负责)(.*)$/);
    if (!lead) throw new Error(`unparsed segment: ${seg}`);
    for (const name of lead[1].split("、")) leads.push({ name, ...(lead[3] ? { scope: lead[3] } : {}) });
  }
  return { leads, supports };
}

const byName = (name: string) => {
  const d = departments.find((x) => x.name === name || x.shortName === name);
  if (!d) throw new Error(`the document names a department the seed lacks: ${name}`);
  return d.code;
};

describe("the cleaned document", () => {
  it("is the source text with only punctuation and layout restored", () => {
    expect(lettersOnly(doc)).toBe(lettersOnly(raw));
  });
});

describe("the tasks", () => {
  const fromDoc = documentTasks();

  it("are the twenty tasks of 四、主要任务, in five groups", () => {
    expect([...fromDoc.keys()]).toEqual(tasks.map((t) => t.code));
    expect(taskGroups.map((g) => g.tasks.length)).toEqual([8, 3, 3, 2, 4]);
  });

  it.each(tasks.map((t) => [t.code, t] as const))("%s keeps the plan's wording", (code, task) => {
    const d = fromDoc.get(code)!;
    expect(task.title).toBe(d.title);
    expect(task.duty + task.responsibilityClause).toBe(d.body);
  });

  it.each(tasks.map((t) => [t.code, t] as const))("%s names exactly the departments its clause names", (code, task) => {
    const d = fromDoc.get(code)!;
    const sentence = d.body.slice(d.body.slice(0, -1).lastIndexOf("。") + 1);
    const parsed = parseResponsibility(sentence);
    expect(task.leads.map((l) => l.department)).toEqual(parsed.leads.map((l) => byName(l.name)));
    expect(task.leads.map((l) => l.scope)).toEqual(parsed.leads.map((l) => l.scope));
    expect(task.supports).toEqual(parsed.supports.map(byName));
  });

  it("splits the lead where the plan does (气象局 leads the meteorological network in 1.1)", () => {
    const t11 = tasks.find((t) => t.code === "1.1")!;
    expect(t11.leads).toContainEqual({ department: "meteorology", scope: "气象监测网络建设" });
  });
});

describe("targets and recurring duties", () => {
  it("quote the document word for word", () => {
    for (const t of targets) expect(doc, t.code).toContain(t.clause);
    for (const c of planClauses) expect(doc, c.title).toContain(c.text);
  });

  // Every sentence with a date, a yearly or periodic duty, or the four-county target is quoted by some target.
  const markers = /20\d\d年|每年|年度|定期|适时|四个县/;
  const sentences = doc
    .split(/[。\n]/)
    .filter((s) => markers.test(s) && !s.includes("庆政办规") && !/^\d{4}年\d+月\d+日$/.test(s.trim()));

  it.each(sentences.map((s) => [s.slice(0, 24), s] as const))("%s… is in the seed", (_label, sentence) => {
    expect(targets.some((t) => sentence.includes(t.clause) || t.clause.includes(sentence))).toBe(true);
  });

  it("make coverage measurable: each coverage target names elements and areas", () => {
    const coverage = targets.filter((t) => t.measure === "COVERAGE");
    expect(coverage.map((t) => t.code)).toEqual(
      expect.arrayContaining([
        "T1.1-AIR-AUTO-COUNTIES",
        "T1.2-SURFACE-WATER-COUNTY-LEVEL",
        "T1.3-SOIL-ALL-COUNTIES-DISTRICTS",
      ]),
    );
    for (const t of coverage) if (t.measure === "COVERAGE") expect(t.elements.length).toBeGreaterThan(0);
  });
});
