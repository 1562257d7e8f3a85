/**
 * Creates the demo district on first start: when district 11200 has no
 * seekers yet, the generated records are imported in batches.
 */
import { JobCenter } from "@iljari/core"
import type { Ids } from "@iljari/core"
import { BulkImport } from "@iljari/store-sql"
import { Console, Effect } from "effect"
import { district, generate, neighbour } from "./Demo.js"
import { recordDemoEvents } from "./DemoEvents.js"
import { createDemoCafes } from "./DemoCafes.js"

// The seed acts as a system user of the district; its look is logged like any other.
const seed: JobCenter.Actor = { districtId: district as Ids.DistrictId, counselorId: "demo-seed" as Ids.CounselorId }

/** Whether the demo district is there: district 11200 has seekers. */
export const hasDemo = Effect.map(JobCenter.listSeekers(seed, { limit: 1 }), (existing) => existing.length > 0)

/** Creates the demo district unless it is there; `true` when it was created. */
export const seedDemo = (scale = 1) =>
  Effect.flatMap(hasDemo, (there) => there ? Effect.succeed(false) : Effect.as(createDemo(scale), true))

/** Creates the demo district (`scale` 1: the seeds' size), printing what it imports. */
export const createDemo = (scale = 1) =>
  Effect.gen(function*() {
    yield* Console.log("Creating the demo district (성동구, about 6,600 seekers and a year of casework)…")
    // The demo follows the rules the server's own placements follow.
    const casework = yield* JobCenter.Config
    const data = generate(casework, 2016, scale)
    const into = district as Ids.DistrictId
    // Between batches the event loop turns, so that the port keeps answering (Starting.ts) while this runs.
    const options = { onBatch: () => Effect.sleep(0) }
    const steps = [
      ["counselors", BulkImport.counselors(into, data.counselors, options)],
      ["employers", BulkImport.employers(into, data.employers, options)],
      ["openings", BulkImport.openings(into, data.openings, options)],
      ["seekers", BulkImport.seekers(into, data.seekers, options)],
      ["counseling sessions", BulkImport.counselings(into, data.counselings, options)],
      ["referrals", BulkImport.referrals(into, data.referrals, options)],
      ["placements", BulkImport.placements(into, data.placements, options)],
      ["follow-up checks", BulkImport.followUps(into, data.followUps, options)]
    ] as const
    for (const [what, step] of steps) {
      const report = yield* step
      if (report.failed.length > 0) {
        return yield* Effect.dieMessage(`demo ${what} did not import: ${JSON.stringify(report.failed.slice(0, 3))}`)
      }
      yield* Console.log(`  ${String(report.imported).padStart(6)} ${what}`)
    }
    yield* recordDemoEvents(seed)
    yield* Console.log("  outreach sessions, discovery visits and test sessions of the last two months")
    yield* createDemoCafes(seed)
    yield* Console.log("       3 job cafés, with programs and today's study-room bookings")
    // A neighbouring district, so that isolation can be tried with the Gwangjin token.
    const small = generate(casework, 2017, 0.01)
    yield* BulkImport.seekers(
      neighbour as Ids.DistrictId,
      small.seekers.map((s) => ({ ...s, id: (s as { id: string }).id.replace("seeker-", "gwangjin-seeker-"), districtId: neighbour }))
    )
  })
