/**
 * The committed client types (`api.ts`) are what openapi-typescript makes of
 * the server's OpenAPI document now: a change to the API that is not followed
 * by `npm run api:client` fails here, so the generated client cannot drift
 * from the server.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { generate, generatedFile, regenerate } from "./openapi.js"

// The first lines where two texts part, each side shown: a readable answer where a whole-file diff is not.
const partings = (committed: string, fresh: string, most = 8): ReadonlyArray<string> => {
  const [a, b] = [committed.split("\n"), fresh.split("\n")]
  const found: Array<string> = []
  for (let i = 0; i < Math.max(a.length, b.length) && found.length < most; i++) {
    if (a[i] !== b[i]) found.push(`line ${i + 1}: committed ${JSON.stringify(a[i] ?? null)}, generated ${JSON.stringify(b[i] ?? null)}`)
  }
  return found
}

describe("the generated client", () => {
  it("is what the server's OpenAPI document generates today", async () => {
    const fresh = await generate()
    expect(fresh).toContain(`"/follow-ups/{id}"`)
    expect(partings(readFileSync(generatedFile, "utf8"), fresh), `api.ts is out of date: run ${regenerate}`).toEqual([])
  })
})
