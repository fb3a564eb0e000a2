// The diff of two report versions: by Chinese and English words, and for long texts by sentence.
import { describe, expect, it } from "vitest";
import { diffText, words } from "./diff";

const rebuild = (changes: { kind: string; text: string }[], keep: string) =>
  changes
    .filter((c) => c.kind === "SAME" || c.kind === keep)
    .map((c) => c.text)
    .join("");

describe("diffText", () => {
  it("cuts Chinese text into words, not characters", () => {
    expect(words("已完成声环境监测点位布设")).toContain("监测");
    expect(words("Noise monitoring, 14 sites")).toEqual(["Noise", " ", "monitoring", ",", " ", "14", " ", "sites"]);
  });

  it("shows what was inserted and deleted in a Chinese resubmission", () => {
    const before = "已完成城市区域声环境监测点位布设，监测结果按季度公布。";
    const after = "已完成城市区域声环境监测点位布设（各县区共14个），监测结果在市环保局网站按季度公布。";
    const changes = diffText(before, after);
    expect(rebuild(changes, "DELETED")).toBe(before);
    expect(rebuild(changes, "INSERTED")).toBe(after);
    expect(changes.filter((c) => c.kind === "INSERTED").map((c) => c.text)).toEqual([
      "（各县区共14个）",
      "在市环保局网站",
    ]);
    expect(changes.filter((c) => c.kind === "DELETED")).toEqual([]);
  });

  it("replaces a word: the deletion, then the insertion", () => {
    const changes = diffText("监测结果按季度公布", "监测结果按月公布");
    expect(changes).toEqual([
      { kind: "SAME", text: "监测结果按" },
      { kind: "DELETED", text: "季度" },
      { kind: "INSERTED", text: "月" },
      { kind: "SAME", text: "公布" },
    ]);
  });

  it("works word by word in English too, and says nothing changed when nothing did", () => {
    const changes = diffText("Results are published quarterly.", "Results are published monthly online.");
    expect(changes.filter((c) => c.kind !== "SAME").map((c) => [c.kind, c.text])).toEqual([
      ["DELETED", "quarterly"],
      ["INSERTED", "monthly online"],
    ]);
    expect(diffText("同一文本", "同一文本")).toEqual([{ kind: "SAME", text: "同一文本" }]);
    expect(diffText("", "新增")).toEqual([{ kind: "INSERTED", text: "新增" }]);
  });

  it("diffs long texts by sentence, and still rebuilds both versions", () => {
    const sentence = (i: number) => `第${i}个监测断面已完成建设并联网运行，数据按时上传。`;
    const before = Array.from({ length: 400 }, (_, i) => sentence(i)).join("");
    // Changes far apart leave a long middle (what both share at the ends is trimmed word by word): it is compared
    // sentence by sentence, so the second change shows as a whole sentence replaced.
    const after = before
      .replace(sentence(10), "第10个监测断面因施工推迟至下季度。")
      .replace(sentence(390), "第390个监测断面已撤销。");
    const changes = diffText(before, after);
    expect(rebuild(changes, "DELETED")).toBe(before);
    expect(rebuild(changes, "INSERTED")).toBe(after);
    expect(changes.filter((c) => c.kind === "INSERTED").map((c) => c.text)).toEqual([
      "因施工推迟至下季度。",
      "第390个监测断面已撤销",
    ]);
  });
});
