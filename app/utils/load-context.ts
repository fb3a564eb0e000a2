// What the web server (server/app.ts) hands every loader and action besides the request.
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce. */
    cspNonce?: string;
    /** The client's address (X-Forwarded-For only behind a trusted proxy), for sign-in throttling. */
    clientAddress?: string;
  }
}

export const clientAddressOf = (context: AppLoadContext | undefined) => context?.clientAddress ?? "unknown";
