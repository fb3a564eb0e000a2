// The way to a chase board from the page of what it tracks: for those who read boards (the steering group, all rows;
// a department, its own), not for inspectors and areas, whom the board refuses.
import { Link, useRouteLoaderData } from "@remix-run/react";
import { pick, useLang } from "../i18n";

export function ChaseBoardLink({
  to,
  label = ["督办看板：谁未报送、催报、签收", "Chase board: who is late, chase, signed for"],
  steeringOnly = false,
  testId = "chase-board-link",
}: {
  to: string;
  label?: readonly [string, string];
  steeringOnly?: boolean;
  testId?: string;
}) {
  const lang = useLang();
  const root = useRouteLoaderData("root") as { me?: { role?: string } | null } | undefined;
  const role = root?.me?.role;
  if (role !== "STEERING_GROUP" && (steeringOnly || role !== "DEPARTMENT_MEMBER")) return null;
  return (
    <p>
      <Link to={to} className="btn btn-secondary" data-testid={testId}>
        {pick(lang, label)}
      </Link>
    </p>
  );
}
