// Evidence on an item: the list of its attached files (for anyone who may read the item) and, for the party whose
// step it is, a form to attach one more. The form posts multipart to the page's own action, which streams the file
// through the checks (app/utils/attachment-upload.server.ts); its hidden fields come first so the server knows
// where the file goes before it reads the file.
import { Form } from "@remix-run/react";
import { shanghaiDateTime } from "./status";
import { SubmitButton } from "./ui";
import { pick, useT } from "../i18n";

export const ATTACHMENT_FIELDS = `attachments { id filename size typeLabel { zh en } uploadedAt uploadedBy reportVersion url itemLabel { zh en } }`;

export interface AttachmentRow {
  id: number;
  filename: string;
  size: number;
  typeLabel: { zh: string; en: string };
  uploadedAt: string;
  uploadedBy: string | null;
  reportVersion: number | null;
  url: string;
  itemLabel: { zh: string; en: string };
}

const WORDS = {
  none: ["尚无附件", "No files attached"],
  attach: ["上传附件", "Attach a file"],
  file: ["选择文件", "File"],
  hint: [
    "可上传 PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）、TXT、CSV，每个文件不超过",
    "PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), TXT or CSV, each at most",
  ],
  by: ["上传人", "by"],
  version: ["随第{n}版报送", "with version {n}"],
} as const;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function AttachmentList({ list, showItem = false }: { list: AttachmentRow[]; showItem?: boolean }) {
  const t = useT();
  const w = (k: keyof typeof WORDS) => pick(t.lang, WORDS[k]);
  if (!list.length) return <p className="muted small">{w("none")}</p>;
  return (
    <ul className="attachments" data-testid="attachments">
      {list.map((a) => (
        <li key={a.id}>
          <a href={a.url} target="_blank" rel="noopener">
            {a.filename}
          </a>{" "}
          <span className="small muted">
            {pick(t.lang, [a.typeLabel.zh, a.typeLabel.en])} · {sizeText(a.size)}
            {showItem ? ` · ${pick(t.lang, [a.itemLabel.zh, a.itemLabel.en])}` : ""}
            {a.reportVersion ? ` · ${w("version").replace("{n}", String(a.reportVersion))}` : ""} ·{" "}
            {a.uploadedBy ? `${w("by")} ${a.uploadedBy} · ` : ""}
            {shanghaiDateTime(a.uploadedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The upload form; `id` keeps several on one page apart (a finding's rectification and verification). */
export function AttachForm({
  id,
  item,
  ordinal,
  maxMb,
}: {
  id: string;
  item: string;
  ordinal?: number;
  maxMb: number;
}) {
  const t = useT();
  const w = (k: keyof typeof WORDS) => pick(t.lang, WORDS[k]);
  return (
    <Form method="post" encType="multipart/form-data" className="form" id={`${id}-form`}>
      <input type="hidden" name="item" value={item} />
      {ordinal ? <input type="hidden" name="ordinal" value={ordinal} /> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>{w("file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          required
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt,.csv"
          aria-describedby={`${id}-hint`}
        />
        <small id={`${id}-hint`}>
          {w("hint")} {maxMb} MB
        </small>
      </div>
      <div>
        <SubmitButton label={w("attach")} intent="attach" variant="secondary" />
      </div>
    </Form>
  );
}
