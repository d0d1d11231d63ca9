// The named cases of tests/shared/cases.mjs (also run in headless Chromium).
import { test } from "node:test";
import * as cx from "cxmetrics";
import { cases } from "../shared/cases.mjs";

for (const [name, fn] of cases) test(name, () => fn(cx));
