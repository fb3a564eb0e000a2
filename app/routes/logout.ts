// Signing out: a POST (from the header's form) deletes the server-side session; a GET changes nothing.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "../utils/session.server";

export const action = ({ request }: ActionFunctionArgs) => logout(request);
export const loader = () => redirect("/");
