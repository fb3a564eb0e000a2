// Who is asking, and the authorisation rules every entry point (GraphQL, pages, activities) shares.
import { forbidden, unauthenticated } from "../utils/errors";
import { ROLES, type Actor, type Role } from "../../workflows/common/process";

export { ROLES, type Role };

export interface Viewer {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  areaId: number | null;
  locale: string;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) {
    throw forbidden(`此操作仅限${roles.map(roleZh).join("、")}`, `Only ${roles.map(roleEn).join(", ")} may do this`);
  }
  return v;
}

/** The steering group writes for anyone; a department member only for their own department. */
export function requireDepartmentWriter(viewer: Viewer | null, departmentId: number): Viewer {
  const v = requireViewer(viewer);
  if (v.role === "STEERING_GROUP") return v;
  if (v.role === "DEPARTMENT_MEMBER" && v.departmentId === departmentId) return v;
  throw forbidden("您只能为本部门提交或修改数据", "You may only write for your own department");
}

export const roleZh = (r: Role) =>
  ({
    STEERING_GROUP: "专项小组",
    DEPARTMENT_MEMBER: "部门人员",
    INSPECTOR: "督导检查人员",
    AREA_IMPLEMENTER: "县区落实人员",
  })[r];
export const roleEn = (r: Role) =>
  ({
    STEERING_GROUP: "the steering group",
    DEPARTMENT_MEMBER: "department members",
    INSPECTOR: "inspectors",
    AREA_IMPLEMENTER: "area implementers",
  })[r];

/** The viewer as a process module sees them (workflows/common/process.ts): what `allowed` rules are decided on. */
export const actorOf = (viewer: Viewer): Actor => ({
  userId: viewer.id,
  role: viewer.role,
  departmentId: viewer.departmentId,
  areaId: viewer.areaId,
});
