// What the API is made from: the parameters of `createApi(raw, version, assertReady)`.
//
// scripts/build.mjs assembles js/src/*.mjs (in the order of its `MODULES`) into the body
// of that one function and leaves this file out, so in the package these names are the
// parameters: `raw` is the wasm-bindgen module of the build (src/lib.rs), `version` the
// package version, `assertReady` the web build's "call init() first" check (undefined
// elsewhere). The modules import them from here so that each is a valid ES module.

/** The raw wasm-bindgen module. */
export let raw;
/** The package version. */
export let version;
/** Throws until the web build's `init()` has run; undefined in the other builds. */
export let assertReady;
