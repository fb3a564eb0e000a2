// The departments of a proposed plan: names as the text writes them resolved through the dictionary
// (plans/reference/departments.ts); a name it lacks gets a code from its pinyin and a review mark.
import { DEPARTMENTS, findDepartment, LEVEL_PREFIX } from "../reference/departments";
import { pinyinCode } from "../reference/divisions";
import type { PlanDepartment } from "../format/schema";

type Level = "CITY" | "PROVINCE";

export class DepartmentRegistry {
  readonly list: PlanDepartment[] = [];
  /** Codes made up for names the dictionary lacks. */
  readonly unknown = new Set<string>();
  private readonly prefix: string;

  constructor(private readonly level: Level) {
    this.prefix = level === "PROVINCE" ? "省" : "市";
  }

  /** The steering group and monitoring centre the text names anywhere, first: the processes start from them. */
  addSpecial(text: string): void {
    for (const entry of DEPARTMENTS.filter((d) => d.kind)) {
      const name = entry.names.find((n) => text.includes(`${this.prefix}${n}`));
      if (name) this.add(`${this.prefix}${name}`);
    }
  }

  /** The code for a name as written ("市财政局", "财政局", "市市场监管局"), adding the department on first sight. */
  add(written: string): string {
    const found = findDepartment(written);
    const core = found?.core ?? written.replace(LEVEL_PREFIX, "");
    const entry = found?.entry;
    const code = entry?.code ?? pinyinCode(core);
    if (!this.list.some((d) => d.code === code)) {
      const levelEn = this.level === "PROVINCE" ? "Provincial" : "Municipal";
      this.list.push({
        code,
        name: `${this.prefix}${core}`,
        shortName: core,
        nameEn: !entry ? "" : entry.kind || this.level === "PROVINCE" ? `${levelEn} ${entry.en}` : entry.en,
        kind: entry?.kind ?? (this.level === "PROVINCE" ? "PROVINCIAL_DEPARTMENT" : "MUNICIPAL_DEPARTMENT"),
      });
      if (!entry) this.unknown.add(code);
    }
    return code;
  }

  /** The department a sentence opens with ("市生态文明体制改革专项小组根据…"), if it is one this plan has. */
  subjectOf(sentence: string): string | undefined {
    const d = this.list.filter((x) => sentence.startsWith(x.name)).sort((a, b) => b.name.length - a.name.length)[0];
    return d?.code;
  }
}
