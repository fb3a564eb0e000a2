// The language switch: a plain form post (works without JavaScript) that remembers the choice in a cookie and goes
// back to the page it came from — a path of this app only (app/utils/safe-redirect.ts).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LANG_COOKIE } from "../i18n";
import { safeRedirect } from "../utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  const back = new URL(safeRedirect(form.get("redirectTo")), "http://app.invalid");
  back.searchParams.delete("lang"); // the cookie decides from now on; a stale ?lang= would override it
  return redirect(`${back.pathname}${back.search}${back.hash}`, {
    headers: { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export const loader = () => redirect("/");
