// Renders an HTML page of notebook displays in headless Chromium and screenshots it.
// Usage: node screenshot.mjs <page.html> <out-dir> <wasm-dir>
// Prints one JSON line: the images on the page, those that failed to decode, and every
// request that was not for the page itself (the displays must make none).
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pagePath, outDir, wasmDir] = process.argv.slice(2);
const { chromium } = createRequire(join(wasmDir, "package.json"))("playwright-core");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const report = { shots: [], images: 0, broken: [], requests: [], errors: [] };
const profile = mkdtempSync(join(tmpdir(), "cxmetrics-displays-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 760, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const url = pathToFileURL(pagePath).href;
  for (const scheme of ["light", "dark"]) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    page.on("pageerror", (e) => report.errors.push(e.message));
    page.on("request", (r) => {
      if (r.url() !== url && !r.url().startsWith("data:")) report.requests.push(r.url());
    });
    await page.goto(url);
    await page.waitForLoadState("load");
    const imgs = await page.evaluate(() =>
      [...document.images].map((i) => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth })));
    if (scheme === "light") report.images = imgs.length;
    for (const i of imgs) if (!i.ok) report.broken.push(`${scheme}: ${i.alt}`);
    const shot = join(outDir, `displays-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    report.shots.push(shot);
    await page.close();
  }
} catch (e) {
  report.errors.push(String(e?.stack ?? e));
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
