// Development users, one or more per role (listed in the README). Never loaded when NODE_ENV=production.
import type { Db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";

export const DEV_PASSWORD = "daqing-2018";

export const devUsers = [
  {
    email: "steering@daqing.example",
    name: "专项小组 王组长",
    role: "STEERING_GROUP",
    department: "steering-group",
    locale: "zh",
  },
  {
    email: "steering.en@daqing.example",
    name: "Steering Group (English)",
    role: "STEERING_GROUP",
    department: "steering-group",
    locale: "en",
  },
  { email: "epb@daqing.example", name: "市环保局 李科长", role: "DEPARTMENT_MEMBER", department: "epb", locale: "zh" },
  {
    email: "water@daqing.example",
    name: "市水务局 张科长",
    role: "DEPARTMENT_MEMBER",
    department: "water",
    locale: "zh",
  },
  {
    email: "land@daqing.example",
    name: "市国土资源局 赵科长",
    role: "DEPARTMENT_MEMBER",
    department: "land",
    locale: "zh",
  },
  {
    email: "finance@daqing.example",
    name: "市财政局 孙科长",
    role: "DEPARTMENT_MEMBER",
    department: "finance",
    locale: "zh",
  },
  {
    email: "centre@daqing.example",
    name: "市环境监测中心站 周站长",
    role: "DEPARTMENT_MEMBER",
    department: "monitoring-centre",
    locale: "zh",
  },
  {
    email: "inspector@daqing.example",
    name: "督导检查 陈督查",
    role: "INSPECTOR",
    department: "steering-group",
    locale: "zh",
  },
  { email: "zhaozhou@daqing.example", name: "肇州县 刘主任", role: "AREA_IMPLEMENTER", area: "230621", locale: "zh" },
] as const;

export async function seedUsers(db: Db, password = DEV_PASSWORD): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const u of devUsers) {
    const department =
      "department" in u ? await db.department.findUniqueOrThrow({ where: { code: u.department } }) : null;
    const area = "area" in u ? await db.area.findUniqueOrThrow({ where: { code: u.area } }) : null;
    const data = {
      email: u.email,
      name: u.name,
      role: u.role,
      locale: u.locale,
      departmentId: department?.id ?? null,
      areaId: area?.id ?? null,
    };
    await db.user.upsert({ where: { email: u.email }, create: { ...data, passwordHash }, update: data });
  }
}
