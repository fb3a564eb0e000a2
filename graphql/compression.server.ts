// GraphQL answers gzipped at level 1 when the client accepts gzip. remix-serve's compression middleware would gzip
// them at level 6 (zlib's default), which it does not let us change: on the nation-wide coverage matrix (880 kB of
// JSON) level 6 costs about 15 ms of CPU per request for 76 kB, level 1 about 3 ms for 105 kB. Level 1 is also
// nginx's default for dynamic responses. The middleware leaves a response that already has a Content-Encoding alone.
// Only JSON bodies of at least 1 kB: GraphiQL's page, event streams and small answers go on as they are
// (docs/decisions/009-station-count-rollup.md).
import { promisify } from "node:util";
import { gzip, constants } from "node:zlib";
import type { Plugin } from "graphql-yoga";

const gzipAsync = promisify(gzip);
const MIN_BYTES = 1024;

export function useFastGzip(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!/\bgzip\b/i.test(request.headers.get("accept-encoding") ?? "")) return;
      if (response.headers.has("content-encoding") || !response.body) return;
      if (!/json/i.test(response.headers.get("content-type") ?? "")) return;
      const body = new Uint8Array(await response.arrayBuffer());
      const headers = new fetchAPI.Headers(response.headers);
      headers.append("vary", "Accept-Encoding");
      let out: Uint8Array<ArrayBufferLike> = body;
      if (body.byteLength >= MIN_BYTES) {
        out = await gzipAsync(body, { level: constants.Z_BEST_SPEED });
        headers.set("content-encoding", "gzip");
      }
      headers.set("content-length", String(out.byteLength));
      setResponse(
        new fetchAPI.Response(out as Uint8Array<ArrayBuffer>, {
          status: response.status,
          statusText: response.statusText,
          headers,
        }),
      );
    },
  };
}
