// Cookies a resolver hands to the browser — the new session after a password change — set on Yoga's response.
// Keyed by the request, which Yoga passes both to the context (ctx.request) and to onResponse.
import type { Plugin } from "graphql-yoga";

const pending = new WeakMap<Request, string[]>();

export function setResponseCookie(request: Request, cookie: string): void {
  const list = pending.get(request) ?? [];
  list.push(cookie);
  pending.set(request, list);
}

export function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of pending.get(request) ?? []) response.headers.append("set-cookie", cookie);
    },
  };
}
