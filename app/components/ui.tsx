// The small set of components every page uses; styles in app/styles/app.css.
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../i18n";
import type { MessageKey } from "../i18n/messages";

export function PageHeader({ title, lead, actions }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function Section({
  id,
  title,
  actions,
  children,
}: {
  id?: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export type Tone = "good" | "warn" | "bad" | "neutral" | "info";

/** A traffic light that never relies on colour alone: a shape and the status's text go with it. */
export function StatusPill({ tone, label }: { tone: Tone; label: string }) {
  const mark = { good: "●", warn: "▲", bad: "■", neutral: "○", info: "◆" }[tone];
  return (
    <span className={`pill pill-${tone}`} data-tone={tone}>
      <span aria-hidden="true">{mark}</span> {label}
    </span>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <p className="empty" role="status">
      {children ?? t("empty")}
    </p>
  );
}

export interface UiError {
  code?: string;
  zh: string;
  en: string;
  problems?: { field: string; label?: { zh: string; en: string }; zh: string; en: string }[];
}

/** A refused action: the API's own message in the reader's language. ACCEPTED (started, record still being written)
 *  and UNCHANGED (nothing to save) are answers, not refusals (docs/decisions/012), and read as a status. */
export function ErrorNotice({ error }: { error: UiError | null | undefined }) {
  const t = useT();
  if (!error) return null;
  const answer = error.code === "ACCEPTED" || error.code === "UNCHANGED";
  return (
    <div className={`notice ${answer ? "notice-ok" : "notice-error"}`} role={answer ? "status" : "alert"}>
      <strong>{t.lang === "en" ? error.en : error.zh}</strong>
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      {children}
    </div>
  );
}

/** What a form's action answered: the API's refusal, or that it was saved. */
export function ActionOutcome({ result }: { result: { ok: boolean; error?: UiError | null } | undefined }) {
  const t = useT();
  return (
    <>
      <ErrorNotice error={result?.error} />
      {result?.ok ? <Notice>{t("saved")}</Notice> : null}
    </>
  );
}

/** Disabled with a "submitting" label while this form's submission is under way (progressive enhancement). */
export function SubmitButton({
  label,
  intent,
  variant = "primary",
}: {
  label: string;
  intent?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const nav = useNavigation();
  const t = useT();
  const busy = nav.state === "submitting" && (intent === undefined || nav.formData?.get("intent") === intent);
  return (
    <button
      type="submit"
      className={`btn btn-${variant}`}
      name={intent ? "intent" : undefined}
      value={intent}
      disabled={busy}
      aria-busy={busy}
    >
      {busy ? t("saving") : label}
    </button>
  );
}

interface FieldProps {
  name: string;
  /** The control's id, when `f-<name>` is taken by another form's field on the page (a filter beside a form). */
  id?: string;
  label: string;
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  hint?: string;
  error?: string;
  step?: string;
  autoComplete?: string;
}

/** A form control's label; required fields carry a visible asterisk (the control itself says `required`). */
function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

export function Field({
  name,
  id: givenId,
  label,
  type = "text",
  defaultValue,
  required,
  hint,
  error,
  step,
  autoComplete,
}: FieldProps) {
  const id = givenId ?? `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-err` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        step={step}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      {error ? (
        <small id={`${id}-err`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  id: givenId,
  label,
  options,
  defaultValue,
  required,
  includeAll,
}: {
  name: string;
  id?: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  required?: boolean;
  includeAll?: string;
}) {
  const id = givenId ?? `f-${name}`;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} />
      <select id={id} name={name} defaultValue={defaultValue ?? ""} required={required}>
        {includeAll !== undefined ? <option value="">{includeAll}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET filter form: works without JavaScript, keeps the URL shareable. */
export function FilterForm({ children, resetTo }: { children: ReactNode; resetTo: string }) {
  const t = useT();
  return (
    <Form method="get" className="filters" role="search">
      {children}
      <div className="filter-actions">
        <button type="submit" className="btn btn-secondary">
          {t("filter")}
        </button>
        <Link to={resetTo} className="btn btn-link">
          {t("reset")}
        </Link>
      </div>
    </Form>
  );
}

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** How a list counts its rows: Chinese by a measure word (条 for records, 封 for e-mails), English by a noun or none. */
export interface RowUnit {
  zh: string;
  en?: string;
}

/**
 * "第21–40条，共53条" / "21–40 of 53": where a page of `count` rows starting at `start` (1-based) lies in `total`;
 * with the unit 封/messages, "第1–20封，共24封" / "Messages 1–20 of 24".
 */
export function pageRange(
  lang: "zh" | "en",
  start: number,
  count: number,
  total: number,
  unit: RowUnit = { zh: "条" },
): string {
  const noun = unit.en ? `${unit.en[0].toUpperCase()}${unit.en.slice(1)} ` : "";
  if (count === 0) return lang === "en" ? `None of ${total}` : `共${total}${unit.zh}`;
  const end = start + count - 1;
  return lang === "en" ? `${noun}${start}–${end} of ${total}` : `第${start}–${end}${unit.zh}，共${total}${unit.zh}`;
}

/**
 * Cursor pagination over a Relay connection: `<prefix>after` goes forward, `<prefix>before` back; the cursor lives in
 * the URL, so the links work without JavaScript and keep the page's filters. With `start` (the connection's
 * startIndex) and `count` it says which rows these are.
 */
export function Pager({
  pageInfo,
  total,
  prefix = "",
  label,
  start,
  count,
  unit,
}: {
  pageInfo: PageInfo;
  total?: number;
  prefix?: string;
  label?: string;
  start?: number;
  count?: number;
  unit?: RowUnit;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const link = (key: "after" | "before", cursor: string) => {
    const p = new URLSearchParams(params);
    p.delete(`${prefix}after`);
    p.delete(`${prefix}before`);
    p.set(`${prefix}${key}`, cursor);
    return `?${p.toString()}`;
  };
  return (
    <nav className="pager" aria-label={label ?? t("next")}>
      {total !== undefined && start !== undefined && count !== undefined ? (
        <span data-testid="page-range">{pageRange(t.lang, start, count, total, unit)}</span>
      ) : total !== undefined ? (
        <span>
          {t("total")} {total}
        </span>
      ) : null}
      {pageInfo.hasPreviousPage && pageInfo.startCursor ? (
        <Link to={link("before", pageInfo.startCursor)} rel="prev">
          ← {t("previous")}
        </Link>
      ) : null}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Link to={link("after", pageInfo.endCursor)} rel="next">
          {t("next")} →
        </Link>
      ) : null}
    </nav>
  );
}

/** Relay connection arguments from the URL: forward with `after`, backward with `before`. */
export function pageArgs(
  url: URL,
  size: number,
  prefix = "",
): { first?: number; after?: string; last?: number; before?: string } {
  const before = url.searchParams.get(`${prefix}before`);
  if (before) return { last: size, before };
  const after = url.searchParams.get(`${prefix}after`);
  return after ? { first: size, after } : { first: size };
}

export function CsvLink({ href, what }: { href: string; what?: string }) {
  const t = useT();
  return (
    <a className="btn btn-link" href={href} download>
      {t("exportCsv")}
      {what ? ` · ${what}` : ""}
    </a>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}

export function Msg({ k }: { k: MessageKey }) {
  return <>{useT()(k)}</>;
}

export function TextArea({
  name,
  label,
  defaultValue,
  required,
  rows = 4,
  hint,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  required?: boolean;
  rows?: number;
  hint?: string;
}) {
  const id = `f-${name}`;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
    </div>
  );
}

/** A mutation's answer as an action returns it: ok, or the API's error for <ErrorNotice>. */
export type ActionResult = { ok: true; error: null; intent?: string } | { ok: false; error: UiError; intent?: string };

/** An action that dispatches by intent answers an intent it does not know with this (400), never a default branch. */
export const unknownIntent = (intent: string): UiError => ({
  code: "BAD_INPUT",
  zh: `未知的操作：${intent}`,
  en: `Unknown action: ${intent}`,
});
