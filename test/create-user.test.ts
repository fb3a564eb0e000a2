// Adding users: the steering group through the model the API would use, and the operator's command that gives a new
// deployment its first steering-group account (run as the real command, against this file's own database).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createUser, signIn } from "../app/models/user.server";
import type { Viewer } from "../app/models/viewer";
import { createTestDb } from "./support/db";

const { db, url } = createTestDb();
afterAll(() => db.$disconnect());
const run = promisify(execFile);

const viewer = async (email: string): Promise<Viewer> => {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { ...u, role: u.role as Viewer["role"] };
};
const PASSWORD = "a-long-enough-password";
const member = (email: string, extra: object = {}) => ({
  email,
  name: "市水务局 新同事",
  role: "DEPARTMENT_MEMBER",
  departmentCode: "water",
  password: PASSWORD,
  ...extra,
});

async function command(args: string[], password?: string) {
  const env = { ...process.env, DATABASE_URL: url, CREATE_USER_PASSWORD: password };
  if (!password) delete env.CREATE_USER_PASSWORD;
  return run("npx", ["tsx", "scripts/create-user.ts", ...args], { env }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

describe("adding a user", () => {
  it("is the steering group's: a department member is refused, the steering group adds one who can sign in", async () => {
    await expect(createUser(db, await viewer("water@daqing.example"), member("a@water.example"))).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(await db.user.count({ where: { email: "a@water.example" } })).toBe(0);
    const { id } = await createUser(db, await viewer("steering@daqing.example"), member("A@Water.example "));
    const created = await db.user.findUniqueOrThrow({ where: { id }, include: { department: true } });
    expect(created).toMatchObject({ email: "a@water.example", role: "DEPARTMENT_MEMBER", locale: "zh" });
    expect(created.department?.code).toBe("water");
    expect(created.passwordHash).not.toContain(PASSWORD);
    expect((await signIn(db, { email: "a@water.example", password: PASSWORD, clientAddress: "test" })).id).toBe(id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: String(id) } });
    expect(audit.action).toBe("CREATE");
  });

  it("refuses, by the field's label in both languages, and writes nothing", async () => {
    const sg = await viewer("steering@daqing.example");
    const before = await db.user.count();
    const refusal = (input: object) =>
      createUser(db, sg, input).then(
        () => null,
        (e: { extensions: object }) => e,
      );
    expect(await refusal(member("a@water.example"))).toMatchObject({
      extensions: { code: "BAD_INPUT", problems: [{ label: { zh: "邮箱" }, zh: "已有账号" }] },
    });
    expect(await refusal(member("b@water.example", { password: "short" }))).toMatchObject({
      extensions: { problems: [{ label: { zh: "初始密码", en: "initial password" } }] },
    });
    expect(await refusal(member("not-an-address"))).toMatchObject({
      extensions: { problems: [{ label: { zh: "邮箱" }, en: "is not a valid e-mail address" }] },
    });
    expect(await refusal(member("c@water.example", { role: "AREA_IMPLEMENTER" }))).toMatchObject({
      extensions: { problems: [{ label: { zh: "所属县区" } }] },
    });
    expect(await refusal(member("d@water.example", { departmentCode: "steering-group" }))).toMatchObject({
      extensions: { problems: [{ label: { zh: "所属单位" } }] },
    });
    expect(await db.user.count()).toBe(before);
  });

  it("gives a new deployment its first steering-group account from the command line", async () => {
    const ok = await command(
      [
        "--email",
        "chief@city.example",
        "--name",
        "王组长",
        "--role",
        "STEERING_GROUP",
        "--department",
        "steering-group",
      ],
      PASSWORD,
    );
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("已创建用户 chief@city.example");
    expect(ok.out).not.toContain(PASSWORD);
    expect((await signIn(db, { email: "chief@city.example", password: PASSWORD, clientAddress: "test" })).id).toBe(
      (await db.user.findUniqueOrThrow({ where: { email: "chief@city.example" } })).id,
    );

    // Without CREATE_USER_PASSWORD a password is generated and shown once.
    const generated = await command([
      "--email",
      "en@city.example",
      "--name",
      "Ms Wang",
      "--role",
      "INSPECTOR",
      "--department",
      "steering-group",
      "--locale",
      "en",
    ]);
    expect(generated.code).toBe(0);
    const password = /initial password: (\S+)/.exec(generated.out)![1];
    expect((await signIn(db, { email: "en@city.example", password, clientAddress: "test" })).locale).toBe("en");

    // A refusal reads as the API's, without a stack trace, and exits 1.
    const bad = await command(
      [
        "--email",
        "chief@city.example",
        "--name",
        "又一个",
        "--role",
        "STEERING_GROUP",
        "--department",
        "steering-group",
      ],
      PASSWORD,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("chief@city.example 已有账号");
    expect(bad.err).toContain("already has an account");
    expect(bad.err).not.toMatch(/\n\s+at /);
    const usage = await command([]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("用法 / usage");
  });
});
