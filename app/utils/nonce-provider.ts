// The Content-Security-Policy nonce of this response (server/security/headers.ts), for Remix's inline scripts.
// The server renders it; in the browser it is "" — browsers hide a nonce from the DOM once the page is parsed, so
// React sees the same empty value on both sides when it hydrates (epic-stack's pattern).
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
