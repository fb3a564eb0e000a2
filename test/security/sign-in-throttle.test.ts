// Sign-in throttling per account and per client (a bilingual 429 with Retry-After, counted in the database), and the
// same work for unknown and known addresses — shown by counting the scrypt verifications each path runs, not by timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn as signInModel, type VerifyPassword } from "../../app/models/user.server";
import { ACCOUNT_MAX_FAILURES, CLIENT_MAX_FAILURES } from "../../app/models/sign-in-throttle.server";
import { verifyPassword } from "../../app/utils/password.server";
import { createTestDb } from "../support/db";
import { startAppServer, type AppServer } from "./support/app-server";
import { post, signIn } from "./support/http";
import type { Db } from "../../app/utils/db.server";

let db: Db;
let proxied: AppServer; // behind a trusted proxy: X-Forwarded-For names the client
let direct: AppServer; // the default: X-Forwarded-For is ignored

beforeAll(async () => {
  const t = createTestDb();
  db = t.db;
  [proxied, direct] = await Promise.all([startAppServer(t.url, { TRUST_PROXY: "true" }), startAppServer(t.url)]);
});
afterAll(async () => {
  await Promise.all([proxied?.stop(), direct?.stop()]);
  await db?.$disconnect();
});

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("the same work for every address", () => {
  function counting() {
    const hashes: string[] = [];
    const verify: VerifyPassword = (password, stored) => {
      hashes.push(stored);
      return verifyPassword(password, stored);
    };
    return { hashes, verify };
  }

  it("runs one scrypt verification whether the address is unknown, deactivated or known, and answers alike", async () => {
    await db.user.update({ where: { email: "land@daqing.example" }, data: { active: false } });
    const userHashes = new Set((await db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash));
    const answers: unknown[] = [];
    for (const email of ["nobody@daqing.example", "land@daqing.example", "water@daqing.example"]) {
      const { hashes, verify } = counting();
      const error = await signInModel(
        db,
        { email, password: "wrong-password", clientAddress: `model-${email}` },
        verify,
      ).catch((e: unknown) => e);
      expect(hashes, email).toHaveLength(1);
      expect(hashes[0], email).toMatch(/^scrypt\$16384\$8\$1\$/);
      // Unknown and deactivated addresses are checked against a dummy hash, never a user's.
      expect(userHashes.has(hashes[0]), email).toBe(email === "water@daqing.example");
      answers.push(JSON.stringify(error));
    }
    expect(new Set(answers).size).toBe(1);
    const { hashes, verify } = counting();
    await expect(
      signInModel(db, { email: "water@daqing.example", password: "daqing-2018", clientAddress: "model" }, verify),
    ).resolves.toMatchObject({ locale: "zh" });
    expect(hashes).toHaveLength(1);
    await db.user.update({ where: { email: "land@daqing.example" }, data: { active: true } });
  });

  it("answers an unknown address exactly as a wrong password", async () => {
    const unknown = await post(
      proxied.baseUrl,
      "/login?_data=routes%2Flogin",
      { email: "nobody@daqing.example", password: "x" },
      from("10.0.0.1"),
    );
    const known = await post(
      proxied.baseUrl,
      "/login?_data=routes%2Flogin",
      { email: "epb@daqing.example", password: "x" },
      from("10.0.0.2"),
    );
    expect(unknown.status).toBe(400);
    expect(known.status).toBe(400);
    const [a, b] = [(await unknown.json()) as { error: unknown }, (await known.json()) as { error: unknown }];
    expect(a.error).toEqual(b.error);
    expect(a.error).toEqual({ zh: "邮箱或密码不正确", en: "Wrong e-mail or password" });
  });
});

describe("throttling per account", () => {
  it(`locks an account for the window at its ${ACCOUNT_MAX_FAILURES}th failure, whatever the client, with a bilingual 429`, async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= ACCOUNT_MAX_FAILURES; i++)
      statuses.push(
        (await signIn(proxied.baseUrl, "centre@daqing.example", `wrong-${i}`, from(`10.1.0.${i}`))).res.status,
      );
    expect(statuses).toEqual([...Array(ACCOUNT_MAX_FAILURES - 1).fill(400), 429]);

    // Even the right password waits; the sign-in page (no JavaScript) shows why.
    const page = await post(
      proxied.baseUrl,
      "/login",
      { email: "centre@daqing.example", password: "daqing-2018" },
      { ...from("10.1.0.99"), accept: "text/html" },
    );
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const html = await page.text();
    expect(html).toContain("登录尝试过多，请15分钟后再试");
    expect(html).toContain("Too many sign-in attempts; try again in 15 minutes");

    // The count lives in the database: once the window has passed, the right password works and clears the count.
    await db.signInThrottle.update({
      where: { key: "account:centre@daqing.example" },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect((await signIn(proxied.baseUrl, "centre@daqing.example", undefined, from("10.1.0.100"))).res.status).toBe(
      302,
    );
    expect(await db.signInThrottle.findUnique({ where: { key: "account:centre@daqing.example" } })).toBeNull();
  });

  it("counts only failures: a success resets the account's count", async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < ACCOUNT_MAX_FAILURES; i++)
        statuses.push(
          (await signIn(proxied.baseUrl, "finance@daqing.example", "wrong", from(`10.2.${round}.${i}`))).res.status,
        );
      statuses.push(
        (await signIn(proxied.baseUrl, "finance@daqing.example", undefined, from(`10.2.${round}.9`))).res.status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 302, 400, 400, 400, 400, 302]);
  });

  it("locks unknown addresses the same way (the throttle does not tell which accounts exist)", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= ACCOUNT_MAX_FAILURES; i++)
      statuses.push((await signIn(proxied.baseUrl, "ghost@daqing.example", "wrong", from(`10.3.0.${i}`))).res.status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("throttling per client", () => {
  it(`locks a client address after ${CLIENT_MAX_FAILURES} failures across accounts; other clients sign in`, async () => {
    const ip = "10.9.9.9";
    let last = 0;
    for (let i = 1; i <= CLIENT_MAX_FAILURES; i++)
      last = (await signIn(proxied.baseUrl, `guess-${i}@daqing.example`, "wrong", from(ip))).res.status;
    expect(last).toBe(429);
    const blocked = await signIn(proxied.baseUrl, "steering@daqing.example", undefined, from(ip));
    expect(blocked.res.status).toBe(429);
    expect(blocked.cookie).toBeNull();
    expect((await signIn(proxied.baseUrl, "steering@daqing.example", undefined, from("10.9.9.10"))).res.status).toBe(
      302,
    );
  });

  it("believes X-Forwarded-For only behind a trusted proxy", async () => {
    await signIn(direct.baseUrl, "epb@daqing.example", "wrong", from("203.0.113.7"));
    const keys = (await db.signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).not.toContain("client:203.0.113.7");
    expect(keys.some((k) => /^client:(::ffff:)?127\.0\.0\.1$/.test(k))).toBe(true);
  });
});
