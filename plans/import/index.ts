// The importer: the text of a 工作方案 → a proposed plan file, for a person to review before `npm run plan:load`.
// What the text says is read by the grammar these plans share (plans/import/*.ts); what it cannot say (department
// codes and English names, GB/T 2260 codes) comes from the reference tables (plans/reference/); every guess is listed
// in the file's `review` (and shown as a `# review:` comment beside the field by plans/format/write.ts).
import { AppError } from "../../app/utils/errors";
import { FORMAT, type PlanFile, type PlanTarget } from "../format/schema";
import { divisionOf, pinyinCode } from "../reference/divisions";
import { planAreas, taskImplementers } from "./areas";
import { DepartmentRegistry } from "./departments";
import { outline } from "./document";
import { splitResponsibility } from "./responsibility";
import { proposeTargets, type Why } from "./targets";
import { commonLength, readParagraphs } from "./text";

export interface ImportOptions {
  /** The higher-level plan's file, when the deployment holds it: tasks are matched to its tasks by title. */
  higher?: PlanFile;
}

export function importPlan(raw: string, options: ImportOptions = {}): PlanFile {
  const { paragraphs, restored } = readParagraphs(raw);
  const o = outline(paragraphs);
  const review: { at: string; what: string }[] = [];
  const note = (at: string) => (w: Why) => review.push({ at, what: `${w[0]} / ${w[1]}` });

  const government = o.office.replace(/人民政府办公[室厅]$|办公[室厅]$/u, "");
  const division = divisionOf(government);
  if (!division)
    throw new AppError(
      "BAD_INPUT",
      `无法识别发文机关所属的行政区：${government}`,
      `unknown issuing government: ${government}`,
    );
  const level = division.level;
  const year = Number(o.issuedOn.slice(0, 4));
  const horizonYear = Number(/(\d{4})年/u.exec(o.goal.text)?.[1] ?? year + 2);

  const departments = new DepartmentRegistry(level);
  departments.addSpecial(paragraphs.join("\n"));
  const read = o.groups.map((g) => g.tasks.map((t) => splitResponsibility(t.body)));
  const convention = read.flat().find((r) => r.convention)?.convention;
  const areaWords = convention
    ? [/以下均[需由](.+?)(?:负责)?落实/u.exec(convention)?.[1] ?? ""]
    : read.flat().flatMap((r) => (r.implementers ? [r.implementers] : []));
  const areas = planAreas(level, division.code, areaWords, note("areas"));

  let conventionSeen = false;
  const taskGroups = o.groups.map((g, gi) => ({
    code: String(g.number),
    title: g.title,
    titleEn: "",
    intro: g.intro,
    tasks: g.tasks.map((t, ti) => {
      const at = `taskGroups[${gi}].tasks[${ti}]`;
      const r = read[gi][ti];
      conventionSeen ||= r.convention !== undefined;
      if (!r.clause) note(`${at}.responsibilityClause`)(["未找到牵头/配合句", "no 牵头/配合 sentence found"]);
      if (r.unread.length > 0) note(`${at}.leads`)([`未读懂：${r.unread.join("；")}`, "phrases not understood"]);
      const leads = r.leads.map((l) => ({
        department: departments.add(l.name),
        ...(l.scope ? { scope: l.scope } : {}),
      }));
      const supports = r.supports.map((s) => departments.add(s));
      const implementers = taskImplementers(r.implementers, conventionSeen, areas, note(`${at}.implementers`));
      const implemented = implementedTask(t.title, options.higher);
      if (implemented)
        note(`${at}.implements`)(["按标题相近对应上级方案的任务", "matched to the higher plan's task by title"]);
      return {
        code: `${g.number}.${t.number}`,
        title: t.title,
        titleEn: "",
        duty: r.clause ? r.duty : t.body,
        responsibilityClause: r.clause || t.body,
        leads,
        supports,
        implementers,
        ...(implemented ? { implements: implemented } : {}),
      };
    }),
  }));
  departments.list.forEach((d, i) => {
    if (departments.unknown.has(d.code))
      note(`departments[${i}]`)([
        `词典中没有“${d.name}”：代码和英文名待定`,
        "not in the dictionary: code and English name to set",
      ]);
  });

  const tasks = taskGroups.flatMap((g) => g.tasks);
  const targets = planTargets(o, tasks, horizonYear, departments, review);
  if (restored)
    note("document")(["原文标点经自动修复，请对照原文核对措辞", "punctuation was restored: compare the wording"]);
  note("document.titleEn")(["英文标题（方案、原则、目标、任务组、任务、目标）待补", "English titles to add"]);

  return {
    format: FORMAT,
    code: `${pinyinCode(government.replace(/(市|省|地区|自治区)$/u, ""))}-${year}`,
    document: {
      number: o.number,
      title: o.title,
      titleEn: "",
      issuer: { office: o.office, government, level, division: division.code },
      issuedOn: o.issuedOn,
      horizonYear,
      implements: [...o.purpose.matchAll(/《([^》]+)》（([^）]+)）/gu)].map((m) => ({
        number: m[2],
        title: m[1],
        level: m[1].startsWith("国务院") ? "NATION" : /省|自治区/u.test(m[1]) ? "PROVINCE" : "CITY",
        ...(options.higher?.document.number === m[2] ? { plan: options.higher.code } : {}),
      })),
      purpose: o.purpose,
    },
    guidingIdeology: o.guidingIdeology,
    principles: o.principles.map((c) => ({ title: c.title, titleEn: "", text: c.text })),
    goal: { title: o.goal.title, titleEn: "", text: o.goal.text },
    requirements: o.requirements.map((c) => ({ title: c.title, titleEn: "", text: c.text })),
    implementersClause: convention ?? "",
    departments: departments.list,
    areas,
    taskGroups,
    targets,
    review,
  };
}

function implementedTask(title: string, higher: PlanFile | undefined) {
  if (!higher) return undefined;
  const best = higher.taskGroups
    .flatMap((g) => g.tasks)
    .map((t) => ({ t, n: commonLength(t.title, title) }))
    .sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 4 ? { plan: higher.code, task: best.t.code } : undefined;
}

type Task = PlanFile["taskGroups"][number]["tasks"][number];

function planTargets(
  o: ReturnType<typeof outline>,
  tasks: Task[],
  horizonYear: number,
  departments: DepartmentRegistry,
  review: { at: string; what: string }[],
): PlanTarget[] {
  // A plan-level target naming nobody is the main lead's: the department leading the most tasks.
  const counts = new Map<string, number>();
  for (const t of tasks)
    if (t.leads[0]) counts.set(t.leads[0].department, (counts.get(t.leads[0].department) ?? 0) + 1);
  const mainLead = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const proposals = proposeTargets(
    [
      { task: null, text: o.goal.text, lead: mainLead },
      ...tasks.map((t) => ({ task: t.code, text: t.duty, lead: t.leads[0]?.department ?? null })),
      { task: null, text: o.requirements.map((c) => c.text).join(""), lead: null },
    ],
    { horizonYear, subjectOf: (s) => departments.subjectOf(s) },
  );
  const counters = new Map<string, number>();
  return proposals.map(({ target, review: why }, i) => {
    let t = target;
    if (t.task === null && t.measure === "MILESTONE") {
      const best = tasks.map((x) => ({ x, n: commonLength(x.title, t.clause) })).sort((a, b) => b.n - a.n)[0];
      if (best && best.n >= 6) {
        t = { ...t, task: best.x.code, responsible: best.x.leads[0]?.department ?? null };
        why.push([`按标题相近归入任务 ${best.x.code}`, `linked to task ${best.x.code} by its title`]);
      }
    }
    if (t.task === null && mainLead !== null && t.responsible === mainLead)
      why.push(["责任部门取牵头任务最多的部门", "responsible: the department leading most tasks"]);
    const prefix = t.task ? `T${t.task}` : t.measure === "RECURRING" ? "R" : "G";
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    review.push({
      at: `targets[${i}]`,
      what: `${["由规则推断，请核对度量与参数", ...why.map((w) => w[0])].join("；")} / ${["proposed by rule: check its measure and parameters", ...why.map((w) => w[1])].join("; ")}`,
    });
    return { ...t, code: `${prefix}-${n}` };
  });
}
