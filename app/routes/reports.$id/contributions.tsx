// The supporting departments of a report: who has contributed and what, who has not yet; and, when the API offers
// it, the viewer's own department's contribution form (pre-filled with what it gave before).
import { Form } from "@remix-run/react";
import { shanghaiDateTime } from "../../components/status";
import { Section, SubmitButton, TextArea } from "../../components/ui";
import { ActionSection, type OfferedAction } from "../../components/workflow";
import { nameOf, useT } from "../../i18n";

export interface Supporter {
  departmentCode: string;
  name: { zh: string; en: string };
  contributed: boolean;
  contributedAt: string | null;
}
export interface Contribution {
  at: string;
  text: string;
  department: { code: string; name: string; nameEn: string };
}
export const SUPPORT_FIELDS = `supporters { departmentCode name { zh en } contributed contributedAt @_optional }
  contributions { at text department { code name nameEn } }`;

export function Supporters({
  supporters,
  contributions,
  actions,
  myDepartment,
}: {
  supporters: Supporter[];
  contributions: Contribution[];
  actions: OfferedAction[];
  myDepartment: string | null;
}) {
  const t = useT();
  const textOf = (code: string) => contributions.find((c) => c.department.code === code)?.text ?? null;
  return (
    <>
      <Section id="contributions" title={t("contributions")}>
        {supporters.length ? (
          <ul data-testid="supporters">
            {supporters.map((s) => (
              <li key={s.departmentCode} data-contributed={s.contributed}>
                <strong>{t.lang === "en" ? s.name.en : s.name.zh}</strong>
                {s.contributed ? (
                  <>
                    （{t("reportContributed")} {shanghaiDateTime(s.contributedAt)}）：{textOf(s.departmentCode)}
                  </>
                ) : (
                  <>（{t("reportNotContributed")}）</>
                )}
              </li>
            ))}
          </ul>
        ) : contributions.length ? (
          <ul>
            {contributions.map((c) => (
              <li key={c.department.code}>
                <strong>{nameOf(t.lang, c.department)}</strong>（{shanghaiDateTime(c.at)}）：{c.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">—</p>
        )}
      </Section>
      <ActionSection actions={actions} step="CONTRIBUTE" id="contribute">
        <Form method="post" className="form">
          <TextArea
            name="text"
            label={t("reportOurInput")}
            required
            rows={3}
            defaultValue={myDepartment ? textOf(myDepartment) : null}
          />
          <div>
            <SubmitButton label={t("contribute")} intent="contribute" />
          </div>
        </Form>
      </ActionSection>
    </>
  );
}
