// Every e-mail reads as words in the recipient's language: each template, filled with its parameters, has no
// placeholder left, no code, and (in English) no Chinese of its own — only what the parameters bring (names, titles).
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES } from "../../../workflows/common/notices";
import { renderMail, TEMPLATES } from "./mail-templates";

const placeholders = (name: keyof typeof TEMPLATES) =>
  new Set(
    [...TEMPLATES[name].zh, ...TEMPLATES[name].en].flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
  );

describe("e-mail templates", () => {
  it.each(TEMPLATE_NAMES)("%s in both languages, every placeholder filled, no Chinese in the English", (name) => {
    // Each parameter as the workflows pass it: in both languages, so what is left of the other language is the template's.
    const params = Object.fromEntries([...placeholders(name)].map((k) => [k, { zh: "〔参数〕", en: "[param]" }]));
    for (const locale of ["zh", "en"]) {
      const { subject, body } = renderMail(name, locale, params);
      const text = `${subject}\n${body}`;
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
      if (locale === "en") expect(text.replaceAll("〔参数〕", "")).not.toMatch(/[\u3400-\u9fff]/);
      else expect(text).not.toContain("[param]");
    }
  });

  it("leaves a missing parameter visible rather than guessing (the outbox scan then finds it)", () => {
    expect(renderMail("WORKPLAN_OPENED", "zh", {}).subject).toBe("请编制{year}年度工作计划");
  });
});
