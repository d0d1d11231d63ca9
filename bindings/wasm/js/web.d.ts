// Types of `cxmetrics/web`: the whole API, plus `init` / `initSync`, which load the
// .wasm file. Call one of them (once) before anything else.

export * from "./index.mjs";

/** Where the .wasm comes from: its URL (default: next to this module), a fetch `Response`, its bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads and instantiates the .wasm (by default from `new URL("cxmetrics_wasm_bg.wasm", import.meta.url)`). Idempotent. */
export default function init(
  input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> },
): Promise<void>;

/** Instantiates the .wasm synchronously from its bytes or a compiled module (e.g. in a worker, or in Node). */
export function initSync(
  module: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module },
): void;
