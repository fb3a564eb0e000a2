// The language switch: a plain form post (works without JavaScript) that remembers the choice in a cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LANG_COOKIE } from "../i18n";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  const to = String(form.get("redirectTo") ?? "/");
  const safe = to.startsWith("/") && !to.startsWith("//") ? to.replace(/([?&])lang=(zh|en)&?/, "$1").replace(/[?&]$/, "") : "/";
  return redirect(safe || "/", { headers: { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` } });
}

export const loader = () => redirect("/");
