// The one gate for redirects that take user input (sign-in's redirectTo, the language switch, …): only a path of
// this app comes out. The input is parsed as a browser parses a Location header (WHATWG URL, against a base that no
// real origin has), so whatever a browser would read as another host — `//host`, `/\host`, `/<tab>/host`,
// `https://host`, `javascript:` — is refused, and so are percent-encoded slashes and backslashes in the path
// (`/%2F%2Fhost`, `/%5Chost`), which a proxy or a second redirect could decode into one.
const BASE = "http://redirect-base.invalid";

export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Browsers drop tabs and newlines inside URLs and read "\" as "/": refuse rather than guess.
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (!isPlainPath(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** No "//", "\" or control character in the path, however many times it is percent-decoded. */
function isPlainPath(pathname: string): boolean {
  let p = pathname;
  for (let i = 0; i < 3; i++) {
    if (p.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(p) || /%(2f|5c)/i.test(p)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      return false;
    }
    if (decoded === p) return true;
    p = decoded;
  }
  return false;
}
