// 签收: a department's one-click acknowledgement of a request addressed to it, or when it signed. A plain form to
// /sign-for, so it works without JavaScript; the reader comes back to this page. The workspace and the item pages
// (a report, a work plan, an inspection's findings) use it; the API decides who may sign (app/models/office).
import { Form, useLocation } from "@remix-run/react";
import { shanghaiDateTime } from "./status";
import { SubmitButton } from "./ui";
import { pick, useLang } from "../i18n";

export interface SignFor {
  workflowId: string;
  finding?: number | null;
  signedAt?: string | null;
}

/** What an item page asks the API for (`$id` is the page's workflow ID). */
export const RECEIPTS_QUERY = `itemReceipts(workflowId: $id) @_optional { workflowId finding @_optional signedAt @_optional canSignFor }`;

export interface ItemReceipt extends SignFor {
  canSignFor: boolean;
}

/** `label` names what is signed for (the form is named "<label> · 签收"). */
export function SignForButton({ signFor, label }: { signFor: SignFor; label: string }) {
  const lang = useLang();
  const location = useLocation();
  if (signFor.signedAt)
    return (
      <span data-testid="signed-for">
        {pick(lang, ["已签收", "Signed for"])} {shanghaiDateTime(signFor.signedAt)}
      </span>
    );
  return (
    <Form
      method="post"
      action="/sign-for"
      className="inline-form"
      aria-label={`${label} · ${pick(lang, ["签收", "Sign for"])}`}
    >
      <input type="hidden" name="workflowId" value={signFor.workflowId} />
      {signFor.finding ? <input type="hidden" name="finding" value={signFor.finding} /> : null}
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <SubmitButton label={pick(lang, ["签收", "Sign for"])} variant="secondary" />
    </Form>
  );
}

/** On an item's page: 签收 for the addressee while it is owed, the signed time once signed, else nothing. */
export function ItemSignFor({
  receipts,
  finding = null,
  label,
}: {
  receipts: ItemReceipt[] | null | undefined;
  finding?: number | null;
  label: string;
}) {
  const receipt = receipts?.find((r) => (r.finding ?? null) === finding);
  if (!receipt || (!receipt.signedAt && !receipt.canSignFor)) return null;
  return <SignForButton signFor={receipt} label={label} />;
}
