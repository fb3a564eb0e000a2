// Server-side sessions over HTTP: a new ID at every sign-in, revoked at sign-out, on a password change, a role change
// and deactivation; idle timeout and absolute expiry (the times are set in the row rather than waited for); the
// table holds only a hash of the cookie's token.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../support/db";
import { startAppServer, type AppServer } from "./support/app-server";
import { cookieFrom, graphql, post, signIn, whoIs } from "./support/http";
import type { Db } from "../../app/utils/db.server";

let db: Db;
let app: AppServer;

beforeAll(async () => {
  const t = createTestDb();
  db = t.db;
  app = await startAppServer(t.url, { SESSION_IDLE_MINUTES: "30", SESSION_MAX_HOURS: "12" });
});
afterAll(async () => {
  await app?.stop();
  await db?.$disconnect();
});

const tokenHash = (cookie: string) => {
  // The cookie value is Remix's signed cookie: base64 of the JSON token, then "." and the signature.
  const [signed] = decodeURIComponent(cookie.split("=").slice(1).join("=")).split(".");
  return createHash("sha256")
    .update(JSON.parse(Buffer.from(signed, "base64").toString("utf8")) as string)
    .digest("hex");
};
const sessionRow = (cookie: string) => db.session.findUnique({ where: { id: tokenHash(cookie) } });
/** Moves a session's clock: when it was last seen, or when it expires. */
const setSession = (cookie: string, data: { lastSeenAt?: Date; expiresAt?: Date }) =>
  db.session.update({ where: { id: tokenHash(cookie) }, data });

describe("signing in and out", () => {
  it("stores only the token's hash, with its expiry 12 hours ahead", async () => {
    const { cookie } = await signIn(app.baseUrl, "water@daqing.example");
    const row = await sessionRow(cookie!);
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(cookie!.split("=")[1]);
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(12, 5);
  });

  it("issues a new session ID at sign-in and deletes the one the browser had (no fixation)", async () => {
    const first = (await signIn(app.baseUrl, "land@daqing.example")).cookie!;
    const second = await signIn(app.baseUrl, "land@daqing.example", undefined, { cookie: first });
    expect(second.cookie).not.toBe(first);
    expect(await sessionRow(first)).toBeNull();
    expect(await whoIs(app.baseUrl, first)).toBeNull();
    expect(await whoIs(app.baseUrl, second.cookie!)).toBe("land@daqing.example");
  });

  it("revokes the session at sign-out: a copy of the old cookie signs no one in", async () => {
    const { cookie } = await signIn(app.baseUrl, "finance@daqing.example");
    expect(await whoIs(app.baseUrl, cookie!)).toBe("finance@daqing.example");
    const out = await post(app.baseUrl, "/logout", {}, { cookie: cookie! });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join()).toMatch(/eco_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionRow(cookie!)).toBeNull();
    expect(await whoIs(app.baseUrl, cookie!)).toBeNull();
  });
});

describe("pages that look for the cookie before asking the API", () => {
  it("show signed-in columns to a signed-in reader only", async () => {
    const { cookie } = await signIn(app.baseUrl, "epb@daqing.example");
    const signedIn = await (await fetch(`${app.baseUrl}/plan`, { headers: { cookie: cookie! } })).text();
    expect(signedIn).toContain('data-testid="deadline-1.1"');
    const anonymous = await (await fetch(`${app.baseUrl}/plan`)).text();
    expect(anonymous).not.toContain('data-testid="deadline-1.1"');
  });
});

describe("timeouts", () => {
  it("ends a session idle for 30 minutes", async () => {
    const { cookie } = await signIn(app.baseUrl, "centre@daqing.example");
    await setSession(cookie!, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
    expect(await whoIs(app.baseUrl, cookie!)).toBe("centre@daqing.example"); // 29 minutes: still alive, and touched
    await setSession(cookie!, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await whoIs(app.baseUrl, cookie!)).toBeNull();
    expect(await sessionRow(cookie!)).toBeNull();
  });

  it("ends a session at its absolute expiry, however active", async () => {
    const { cookie } = await signIn(app.baseUrl, "centre@daqing.example");
    await setSession(cookie!, { expiresAt: new Date(Date.now() - 1000) });
    expect(await whoIs(app.baseUrl, cookie!)).toBeNull();
  });

  it("sweeps sessions nobody came back to when a new one starts", async () => {
    const abandoned = (await signIn(app.baseUrl, "land@daqing.example")).cookie!;
    const expired = (await signIn(app.baseUrl, "epb@daqing.example")).cookie!;
    await setSession(abandoned, { lastSeenAt: new Date(Date.now() - 3_600_000) });
    await setSession(expired, { expiresAt: new Date(Date.now() - 1000) });
    await signIn(app.baseUrl, "water@daqing.example");
    expect(await sessionRow(abandoned)).toBeNull();
    expect(await sessionRow(expired)).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const { cookie } = await signIn(app.baseUrl, "centre@daqing.example");
    const recent = new Date(Date.now() - 30_000);
    await setSession(cookie!, { lastSeenAt: recent });
    await whoIs(app.baseUrl, cookie!);
    expect((await sessionRow(cookie!))!.lastSeenAt.getTime()).toBe(recent.getTime());
    const older = new Date(Date.now() - 90_000);
    await setSession(cookie!, { lastSeenAt: older });
    await whoIs(app.baseUrl, cookie!);
    expect((await sessionRow(cookie!))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("changes that end every session of a user", () => {
  it("a password change (page): other browsers are signed out, this one gets a new session", async () => {
    const other = (await signIn(app.baseUrl, "zhaozhou@daqing.example")).cookie!;
    const here = (await signIn(app.baseUrl, "zhaozhou@daqing.example")).cookie!;
    const res = await post(
      app.baseUrl,
      "/account",
      { current: "daqing-2018", new: "a-longer-secret-2026", confirm: "a-longer-secret-2026" },
      { cookie: here },
    );
    expect(res.status).toBe(302);
    const renewed = cookieFrom(res)!;
    expect(renewed).toBeTruthy();
    expect(await whoIs(app.baseUrl, other)).toBeNull();
    expect(await whoIs(app.baseUrl, here)).toBeNull();
    expect(await whoIs(app.baseUrl, renewed)).toBe("zhaozhou@daqing.example");
    expect((await signIn(app.baseUrl, "zhaozhou@daqing.example")).res.status).toBe(400);
    expect((await signIn(app.baseUrl, "zhaozhou@daqing.example", "a-longer-secret-2026")).res.status).toBe(302);
    const audit = await db.auditEvent.findFirst({ where: { entityType: "User", action: "CHANGE_PASSWORD" } });
    expect(audit?.changes).toBe("{}"); // nothing about the password itself
  });

  it("a password change (API): refuses a short or wrong password with bilingual errors, changes nothing", async () => {
    const cookie = (await signIn(app.baseUrl, "inspector@daqing.example")).cookie!;
    const short = await graphql(
      app.baseUrl,
      `
        mutation {
          changePassword(current: "daqing-2018", new: "short")
        }
      `,
      {},
      cookie,
    );
    expect(short.body.errors?.[0].extensions).toMatchObject({
      code: "BAD_INPUT",
      zh: expect.stringContaining("至少12个字符"),
    });
    const wrong = await graphql(
      app.baseUrl,
      `
        mutation {
          changePassword(current: "not-it", new: "long-enough-password")
        }
      `,
      {},
      cookie,
    );
    expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", en: "The current password is wrong" });
    expect(await whoIs(app.baseUrl, cookie)).toBe("inspector@daqing.example");
    const ok = await graphql(
      app.baseUrl,
      `
        mutation {
          changePassword(current: "daqing-2018", new: "long-enough-password")
        }
      `,
      {},
      cookie,
    );
    expect(ok.body).toEqual({ data: { changePassword: true } });
    expect(cookieFrom(ok.res)).toBeTruthy();
    expect(await whoIs(app.baseUrl, cookie)).toBeNull();
    expect(await whoIs(app.baseUrl, cookieFrom(ok.res)!)).toBe("inspector@daqing.example");
  });

  it("a role change by the steering group", async () => {
    const steering = (await signIn(app.baseUrl, "steering@daqing.example")).cookie!;
    const victim = (await signIn(app.baseUrl, "water@daqing.example")).cookie!;
    const same = await graphql(
      app.baseUrl,
      `
        mutation {
          updateUser(email: "water@daqing.example", role: DEPARTMENT_MEMBER, departmentCode: "water") {
            role
          }
        }
      `,
      {},
      steering,
    );
    expect(same.body.errors?.[0].extensions?.code).toBe("UNCHANGED");
    expect(await whoIs(app.baseUrl, victim)).toBe("water@daqing.example"); // nothing changed: sessions kept
    const r = await graphql(
      app.baseUrl,
      `
        mutation {
          updateUser(email: "water@daqing.example", role: DEPARTMENT_MEMBER, departmentCode: "epb") {
            department {
              code
            }
          }
        }
      `,
      {},
      steering,
    );
    expect(r.body.data).toEqual({ updateUser: { department: { code: "epb" } } });
    expect(await whoIs(app.baseUrl, victim)).toBeNull();
    const audit = await db.auditEvent.findFirst({
      where: { entityType: "User", action: "UPDATE_ROLE" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit!.changes)).toEqual({ department: { from: "water", to: "epb" } });
  });

  it("deactivation: signed out at once and cannot sign in; reactivation lets them back", async () => {
    const steering = (await signIn(app.baseUrl, "steering@daqing.example")).cookie!;
    const victim = (await signIn(app.baseUrl, "finance@daqing.example")).cookie!;
    const off = await graphql(
      app.baseUrl,
      `
        mutation {
          setUserActive(email: "finance@daqing.example", active: false) {
            active
          }
        }
      `,
      {},
      steering,
    );
    expect(off.body.data).toEqual({ setUserActive: { active: false } });
    expect(await whoIs(app.baseUrl, victim)).toBeNull();
    const attempt = await signIn(app.baseUrl, "finance@daqing.example");
    expect(attempt.res.status).toBe(400);
    expect(attempt.cookie).toBeNull();
    await graphql(
      app.baseUrl,
      `
        mutation {
          setUserActive(email: "finance@daqing.example", active: true) {
            active
          }
        }
      `,
      {},
      steering,
    );
    expect((await signIn(app.baseUrl, "finance@daqing.example")).res.status).toBe(302);
  });

  it("only the steering group changes users, and not themselves", async () => {
    const member = (await signIn(app.baseUrl, "epb@daqing.example")).cookie!;
    const refused = await graphql(
      app.baseUrl,
      `
        mutation {
          setUserActive(email: "water@daqing.example", active: false) {
            active
          }
        }
      `,
      {},
      member,
    );
    expect(refused.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const steering = (await signIn(app.baseUrl, "steering@daqing.example")).cookie!;
    const self = await graphql(
      app.baseUrl,
      `
        mutation {
          setUserActive(email: "steering@daqing.example", active: false) {
            active
          }
        }
      `,
      {},
      steering,
    );
    expect(self.body.errors?.[0].extensions).toMatchObject({
      code: "FORBIDDEN",
      zh: expect.stringContaining("不能更改自己"),
    });
    const misfit = await graphql(
      app.baseUrl,
      `
        mutation {
          updateUser(email: "epb@daqing.example", role: AREA_IMPLEMENTER, departmentCode: "epb") {
            role
          }
        }
      `,
      {},
      steering,
    );
    expect(misfit.body.errors?.[0].extensions?.code).toBe("BAD_INPUT");
    expect((await db.user.findUniqueOrThrow({ where: { email: "water@daqing.example" } })).active).toBe(true);
  });
});
