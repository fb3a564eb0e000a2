// `npm run user:create -- --email … --name … --role STEERING_GROUP --department steering-group`: adds a user from the
// command line. It is how a new deployment gets its first steering-group account (production seeds no users, and
// only the steering group adds users); the rules are the API's (app/models/user.server.ts createUser). The initial
// password comes from CREATE_USER_PASSWORD, or is generated and printed once; the user changes it under 账号 (/account).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createUser } from "../app/models/user.server";
import { db } from "../app/utils/db.server";
import { isAppError } from "../app/utils/errors";

const USAGE = `用法 / usage: npm run user:create -- --email <邮箱> --name <姓名> --role <STEERING_GROUP|DEPARTMENT_MEMBER|INSPECTOR|AREA_IMPLEMENTER>
    [--department <单位代码 unit code>] [--area <县区代码 area code>] [--locale zh|en]
  初始密码取自 CREATE_USER_PASSWORD，未设置时生成并显示一次 / the initial password is CREATE_USER_PASSWORD, or generated and shown once`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        department: { type: "string" },
        area: { type: "string" },
        locale: { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.email) {
    console.error(USAGE);
    return args.help ? 0 : 2;
  }
  const generated = !process.env.CREATE_USER_PASSWORD;
  const password = process.env.CREATE_USER_PASSWORD ?? randomBytes(12).toString("base64url");
  try {
    const { id } = await createUser(
      db,
      null,
      {
        email: args.email,
        name: args.name ?? "",
        role: args.role ?? "",
        departmentCode: args.department ?? null,
        areaCode: args.area ?? null,
        locale: args.locale ?? "zh",
        password,
      },
      "operator-command",
    );
    console.log(`已创建用户 ${args.email}（#${id}） / created user ${args.email} (#${id})`);
    if (generated)
      console.log(
        `初始密码 / initial password: ${password}\n请登录后在“账号”页修改 / change it under 账号 (/account) after signing in`,
      );
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    console.error(`${e.zh}\n${e.en}`);
    const problems = (e.extensions.problems ?? []) as { label: { zh: string; en: string }; zh: string; en: string }[];
    for (const p of problems) console.error(`  ${p.label.zh}：${p.zh} / ${p.label.en}: ${p.en}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
