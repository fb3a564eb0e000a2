// /graphql: the API, served by Yoga inside the Remix server. GET serves GraphiQL in development.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { yoga } from "../../graphql/yoga.server";

export const loader = ({ request }: LoaderFunctionArgs) => yoga.fetch(request, {});
export const action = ({ request }: ActionFunctionArgs) => yoga.fetch(request, {});
