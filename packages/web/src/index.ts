/**
 * @iljari/web: the web app for a district job center's staff.
 *
 * @since 0.3.0
 * @module
 */
export * as WebApp from "./WebApp.js"
