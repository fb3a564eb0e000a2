// Plain HTTP against the spawned app server, as a non-browser client (no Origin header unless a test sets one).
import { PASSWORD } from "../../browser/support/app";

export { PASSWORD };

/** "name=value" of the first Set-Cookie whose name matches, or null. */
export function cookieFrom(res: Response, name: RegExp = /eco_session$/): string | null {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    if (name.test(pair.split("=")[0]) && pair.split("=")[1]) return pair;
  }
  return null;
}

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

export async function post(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method: "POST", body: form(fields), headers, redirect: "manual" });
}

/** Signs in through the form post; returns the answer and the session cookie it set (if any). */
export async function signIn(
  baseUrl: string,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const res = await post(baseUrl, "/login", { email, password, redirectTo: "/" }, headers);
  return { res, cookie: cookieFrom(res) };
}

export async function graphql<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    res,
    body: (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

/** The signed-in user's e-mail for a cookie, or null when the cookie no longer signs anyone in. */
export async function whoIs(baseUrl: string, cookie: string): Promise<string | null> {
  const { body } = await graphql<{ me: { email: string } | null }>(baseUrl, "{ me { email } }", {}, cookie);
  return body.data?.me?.email ?? null;
}
