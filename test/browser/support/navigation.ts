// When a browser test may read the page after a click. Remix's router changes the URL and its own state the moment
// the new data has arrived, but React renders that state a little later (inside a transition, so later still on a
// busy machine); a test that reads the page right after `waitForURL` can read the page it just left. The layout marks
// <main> with the key of the location it rendered (data-location-key), so "settled" can mean what a person sees:
// the router is idle and the page on screen is the one for the router's current location.
import type { Page } from "playwright-core";

/** Done when the document has loaded, no navigation, revalidation or fetcher is under way, and <main> shows the
 *  router's current location (pages without JavaScript, such as the public dashboard, only need to have loaded). */
export async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    if (main && main.getAttribute("aria-busy") === "true") return false;
    type RouterState = {
      navigation: { state: string };
      revalidation: string;
      fetchers: Map<string, { state: string }>;
      location: { pathname: string; search: string; key: string };
    };
    const router = (window as unknown as { __remixRouter?: { state: RouterState } }).__remixRouter;
    if (!router) return true;
    const { navigation, revalidation, fetchers, location: at } = router.state;
    if (navigation.state !== "idle" || revalidation !== "idle") return false;
    if ([...fetchers.values()].some((f) => f.state !== "idle")) return false;
    if (at.pathname + at.search !== location.pathname + location.search) return false;
    const rendered = main?.getAttribute("data-location-key");
    return rendered == null || rendered === at.key;
  });
}

/** Waits for the URL to match (after a click on a link or a form's submit button), then for the page to settle. */
export async function navigated(page: Page, url: RegExp | string | ((u: URL) => boolean)) {
  await page.waitForURL(url);
  await settled(page);
}

/** Runs `act` (a click that submits a form, possibly to the same URL) and waits for the response to the POST and for
 *  the page to show what came back. */
export async function submitted(page: Page, act: () => Promise<unknown>) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await act();
  await posted;
  await settled(page);
}
