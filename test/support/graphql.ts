// Runs GraphQL operations through Yoga's fetch (no port), signed in as a seeded user when asked.
import { createGraphQLServer } from "../../graphql/yoga.server";
import { sessionCookieFor } from "../../app/utils/session.server";
import type { Db } from "../../app/utils/db.server";
import type { Mailer } from "../../app/utils/mailer.server";

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; zh?: string; en?: string } }[];
}

/** `mailer`: what a mutation that e-mails sends with (default: the outbox of `db`, no SMTP). */
export function graphqlClient(db: Db, options: { mailer?: Mailer } = {}) {
  const yoga = createGraphQLServer({ db, graphiql: false, mailer: options.mailer });
  const cookies = new Map<string, string>();
  async function cookieFor(email: string) {
    if (!cookies.has(email)) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      cookies.set(email, (await sessionCookieFor(user.id, db)).split(";")[0]);
    }
    return cookies.get(email)!;
  }
  return async function gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string,
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (as) headers.cookie = await cookieFor(as);
    const res = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
}
