/**
 * An example storage adapter for iljari: every port of `@iljari/core` over
 * one JSON file. See docs/writing-an-adapter.md.
 */
export * as JsonStore from "./JsonStore.js"
