// The one redirect gate (app/utils/safe-redirect.ts): only paths of this app come out, whatever a browser would read
// as another host does not.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/utils/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/reports?status=SUBMITTED#list", "/reports?status=SUBMITTED#list"],
    ["/tasks/1.1", "/tasks/1.1"],
    ["/areas/230621?lang=en", "/areas/230621?lang=en"],
    ["/stations/%E8%90%A8", "/stations/%E8%90%A8"],
    ["/a/../admin/users", "/admin/users"], // normalised as a browser would
    ["/search?q=a%2Fb", "/search?q=a%2Fb"], // an encoded slash in the query is harmless
  ])("keeps the app path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/%5Cevil.example/",
    "/%5cevil.example/",
    "/%2F%2Fevil.example/",
    "/%2f%2fevil.example/",
    "/%252F%252Fevil.example/",
    "/x/%2F%2Fevil.example/",
    "https://evil.example/",
    "http:evil.example",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "evil.example",
    "reports",
    "",
    "/%E0%A4%A", // malformed escape
  ])("refuses %j", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  it("refuses what is not a string, and uses the given fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/workspace")).toBe("/workspace");
    expect(safeRedirect(["/x"])).toBe("/");
    expect(safeRedirect("//evil.example", "/plan")).toBe("/plan");
  });
});
