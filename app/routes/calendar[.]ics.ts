// /calendar.ics?token=…: the same private feed as /calendar/<token>.ics, for apps that keep a link's query string.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "../utils/calendar-feed.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  feedResponse(new URL(request.url).searchParams.get("token") ?? "");
