/**
 * The demo district follows the follow-up rule the server's placements use,
 * read from the one place it is set (`JobCenter.Config`, whose default is
 * `FollowUp.threeMonthly`: monthly for three months).
 */
import { describe, expect, it } from "@effect/vitest"
import { BusinessCalendar, FollowUp, JobCenter } from "@iljari/core"
import { Effect } from "effect"
import { generate } from "../src/Demo.js"

const checksPerPlacement = (data: ReturnType<typeof generate>) => {
  const perPlacement = new Map<string, number>()
  for (const check of data.followUps as ReadonlyArray<{ placementId: string }>) {
    perPlacement.set(check.placementId, (perPlacement.get(check.placementId) ?? 0) + 1)
  }
  return new Set(perPlacement.values())
}

describe("the demo's follow-up rule", () => {
  it.effect("is the server's: three monthly checks by default, whatever the Config says otherwise", () =>
    Effect.gen(function*() {
      const config = yield* JobCenter.Config
      expect(config.followUpPolicy).toBe(FollowUp.threeMonthly)
      expect(checksPerPlacement(generate(config, 2016, 0.05))).toEqual(new Set([3]))
      const yearly = { followUpPolicy: FollowUp.wioa12, calendar: BusinessCalendar.korea }
      const longer = yield* Effect.map(JobCenter.Config, (c) => generate(c, 2016, 0.05)).pipe(
        Effect.provideService(JobCenter.Config, { ...config, ...yearly })
      )
      // Twelve a year (placements whose year runs past the calendar's end get none); none gets 3.
      expect([...checksPerPlacement(longer)].every((n) => n > 3)).toBe(true)
    }))
})
