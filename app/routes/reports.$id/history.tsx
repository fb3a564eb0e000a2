// A report's kept versions: each submission as it was, whether it was returned (and why) or accepted, and what the
// next one changed. Insertions and deletions are marked by <ins>/<del> (underlined, struck through) with a spoken
// label for screen readers, so the change does not rest on colour.
import { shanghaiDateTime } from "../../components/status";
import { Section } from "../../components/ui";
import { pick, useT } from "../../i18n";
import { TASK_STATUSES, type TaskStatus } from "../../models/vocabulary";
import { AttachmentList, type AttachmentRow } from "../../components/Attachments";

export interface TextChange {
  kind: "SAME" | "INSERTED" | "DELETED";
  text: string;
}
export interface Version {
  version: number;
  progress: string;
  taskStatus: TaskStatus;
  submittedAt: string;
  late: boolean;
  returnedAt: string | null;
  returnReason: string | null;
  acceptedAt: string | null;
  contributions: { department: { zh: string; en: string } | null; text: string; at: string }[];
  changes: TextChange[] | null;
}
export const VERSION_FIELDS = `versions { version progress taskStatus submittedAt late returnedAt @_optional returnReason @_optional
  acceptedAt @_optional contributions { department @_optional { zh en } text at } changes @_optional { kind text } }`;

export function TextDiff({ changes }: { changes: TextChange[] }) {
  const t = useT();
  return (
    <>
      <p className="small muted">{t("reportDiffLegend")}</p>
      <blockquote className="quote diff" data-testid="report-diff">
        {changes.map((c, i) =>
          c.kind === "INSERTED" ? (
            <ins key={i}>
              <span className="sr-only">{t("reportInserted")}</span>
              {c.text}
            </ins>
          ) : c.kind === "DELETED" ? (
            <del key={i}>
              <span className="sr-only">{t("reportDeleted")}</span>
              {c.text}
            </del>
          ) : (
            <span key={i}>{c.text}</span>
          ),
        )}
      </blockquote>
    </>
  );
}

/** One version's facts: when submitted, on time or late, the task status reported, and how it was settled. */
export function VersionFacts({ v }: { v: Version }) {
  const t = useT();
  return (
    <p className="small muted">
      {t("reportVersionN").replace("{n}", String(v.version))} · {t("taskStatus")}:{" "}
      {pick(t.lang, TASK_STATUSES[v.taskStatus])} · {t("submitted")} {shanghaiDateTime(v.submittedAt)} (
      {v.late ? t("late") : t("reportOnTime")})
      {v.returnedAt ? ` · ${t("reportReturnedOn")} ${shanghaiDateTime(v.returnedAt)}` : ""}
      {v.acceptedAt ? ` · ${t("reportAcceptedOn")} ${shanghaiDateTime(v.acceptedAt)}` : ""}
    </p>
  );
}

/** The versions before the latest, newest first: each as submitted, a returned one with its reason. */
export function ReportHistory({ versions, attachments }: { versions: Version[]; attachments: AttachmentRow[] }) {
  const t = useT();
  const earlier = versions.slice(0, -1).reverse();
  if (!earlier.length) return null;
  return (
    <Section id="versions" title={t("reportVersions")}>
      <ul data-testid="versions">
        {earlier.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <VersionFacts v={v} />
            {v.returnReason ? (
              <p>
                <strong>{t("returnReason")}：</strong>
                {v.returnReason}
              </p>
            ) : null}
            <blockquote className="quote">{v.progress}</blockquote>
            <Contributions list={v.contributions} />
            <VersionAttachments version={v.version} attachments={attachments} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The files a version carried: those attached for it or for an earlier one (files are never taken away). */
export function VersionAttachments({ version, attachments }: { version: number; attachments: AttachmentRow[] }) {
  const carried = attachments.filter((a) => a.reportVersion !== null && a.reportVersion <= version);
  return carried.length ? <AttachmentList list={carried} showItem /> : null;
}

/** The supporting departments' input as it stood when a version was submitted. */
export function Contributions({ list }: { list: Version["contributions"] }) {
  const t = useT();
  if (!list.length) return null;
  return (
    <ul className="small">
      {list.map((c) => (
        <li key={c.at + c.text}>
          {c.department ? (t.lang === "en" ? c.department.en : c.department.zh) : ""}：{c.text}
        </li>
      ))}
    </ul>
  );
}
