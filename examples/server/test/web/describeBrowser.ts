/**
 * How a browser suite declares itself. Without Chromium the browser suites are
 * skipped with a loud notice, except under `CI=true`, where a missing
 * Chromium fails them: CI must never pass by skipping them — the policy of
 * the PostgreSQL suites (packages/test-support/src/globalSetup.ts). A Chromium
 * that is there but cannot start is an error, never a skip.
 */
import { describe, it } from "vitest"
import { findChromium } from "./browser.js"

const notice = (reason: string) =>
  [
    "",
    "!".repeat(78),
    "!!  Chromium is NOT available: the browser test suites will be SKIPPED.",
    `!!  Reason: ${reason}.`,
    "!!  Install it (apt-get install -y chromium) or set CHROMIUM_PATH to run them.",
    "!!  Under CI=true this is a failure.",
    "!".repeat(78),
    ""
  ].join("\n")

/**
 * A `describe` block that runs only when there is a Chromium. Without one it
 * is reported as skipped, with the reason and a notice — or, under
 * `CI=true`, as a failing test that says what is missing.
 */
export const describeBrowser = (name: string, body: () => void): void => {
  const availability = findChromium()
  if (availability._tag === "Available") {
    describe(name, body)
    return
  }
  if (process.env["CI"] === "true") {
    describe(name, () => {
      it(`needs Chromium`, () => {
        throw new Error(
          `CI=true requires Chromium, and there is ${availability.reason}. ` +
            "The browser suites may not be skipped in CI: install it (apt-get install -y chromium; .ci/run does) " +
            "or point CHROMIUM_PATH at one."
        )
      })
    })
    return
  }
  console.warn(notice(availability.reason))
  describe.skip(`${name} — skipped: ${availability.reason}`, body)
}

