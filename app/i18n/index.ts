// A small i18n module: Chinese by default, English by a switch (?lang=en or the `lang` cookie).
import { useRouteLoaderData } from "@remix-run/react";
import { messages, type MessageKey } from "./messages";

export type Lang = "zh" | "en";
export const LANGS: Lang[] = ["zh", "en"];
export const LANG_COOKIE = "lang";

/** ?lang= wins (so a link can switch), then the cookie, then Chinese. */
export function langFromRequest(request: Request): Lang {
  const q = new URL(request.url).searchParams.get("lang");
  if (q === "en" || q === "zh") return q;
  const m = /(?:^|;\s*)lang=(zh|en)\b/.exec(request.headers.get("Cookie") ?? "");
  return (m?.[1] as Lang | undefined) ?? "zh";
}

export function translate(lang: Lang, key: MessageKey): string {
  const pair = messages[key];
  return lang === "en" ? pair[1] : pair[0];
}

/** Picks one side of a [zh, en] pair, as the vocabularies in app/models/vocabulary.ts are written. */
export function pick(lang: Lang, pair: readonly [string, string] | undefined, fallback = ""): string {
  if (!pair) return fallback;
  return lang === "en" ? pair[1] : pair[0];
}

/** Chinese name or English name of a thing that has both. */
export function nameOf(lang: Lang, x: { name?: string | null; nameEn?: string | null } | null | undefined): string {
  if (!x) return "";
  return (lang === "en" ? x.nameEn || x.name : x.name) ?? "";
}

export function titleOf(lang: Lang, x: { title?: string | null; titleEn?: string | null } | null | undefined): string {
  if (!x) return "";
  return (lang === "en" ? x.titleEn || x.title : x.title) ?? "";
}

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? "zh";
}

export function useT() {
  const lang = useLang();
  return Object.assign((key: MessageKey) => translate(lang, key), { lang });
}

export type { MessageKey };
