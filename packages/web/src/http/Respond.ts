/**
 * How pages answer: HTML with the headers that keep personal data out of
 * caches and other sites' frames, and redirects after a form is handled.
 */
import { HttpServerResponse } from "@effect/platform"
import type { VNode } from "preact"
import { renderToString } from "preact-render-to-string"

// Scripts and styles come from the app's own assets only: a name that slipped
// past escaping could still not run.
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'"
].join("; ")

export const pageHeaders = {
  "cache-control": "no-store",
  "content-security-policy": policy,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin"
} as const

/** A whole page, or a fragment for htmx (no doctype). */
export const html = (node: VNode, options: { readonly status?: number; readonly fragment?: boolean } = {}) =>
  HttpServerResponse.text((options.fragment === true ? "" : "<!doctype html>") + renderToString(node), {
    status: options.status ?? 200,
    contentType: "text/html; charset=utf-8",
    headers: pageHeaders
  })

/** After a form: see the result (303, so a reload does not post again). */
export const seeOther = (location: string) =>
  HttpServerResponse.empty({ status: 303, headers: { location, "cache-control": "no-store" } })
