// /calendar/<token>.ics: a user's private calendar feed (app/utils/calendar-feed.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "../utils/calendar-feed.server";

export const loader = ({ params }: LoaderFunctionArgs) =>
  feedResponse(/^(.*)\.ics$/.exec(params.feed ?? "")?.[1] ?? "");
