/**
 * Creates the demo district on first start: when district 11200 has no
 * seekers yet, the generated records are imported in batches.
 */
import { Events, JobCenter, LocalDate } from "@iljari/core"
import type { Ids } from "@iljari/core"
import { BulkImport } from "@iljari/store-sql"
import { Console, Effect } from "effect"
import { counselorIds, district, generate, neighbour } from "./Demo.js"
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
    yield* Console.log(`  ${String(yield* seedSurvey(scale)).padStart(6)} survey responses`)
    // A neighbouring district, so that isolation can be tried with the Gwangjin token.
    const small = generate(casework, 2017, 0.01)
    yield* BulkImport.seekers(
      neighbour as Ids.DistrictId,
      small.seekers.map((s) => ({ ...s, id: (s as { id: string }).id.replace("seeker-", "gwangjin-seeker-"), districtId: neighbour }))
    )
  })

/** The visitors' questionnaire of the demo: two ratings, how they heard of the center, and a comment. */
const channels = ["구청 홈페이지", "지인 소개", "현수막·안내문"]
const demoQuestionnaire = {
  title: "2026 일자리센터 방문자 만족도 조사",
  audience: "visitor",
  questions: [
    { _tag: "rating", id: "q1", text: "상담에 전반적으로 만족하십니까?", required: true },
    { _tag: "rating", id: "q2", text: "상담사는 친절했습니까?", required: true },
    { _tag: "choice", id: "q3", text: "센터를 어떻게 알게 되었습니까?", required: false, options: channels },
    { _tag: "text", id: "q4", text: "더 하고 싶은 말씀", required: false }
  ]
}

// Eleven months of anonymous answers up to two weeks ago (an answer is recorded once given), most of them
// satisfied, spread over the counselors.
const seedSurvey = (scale: number) =>
  Effect.gen(function*() {
    const questionnaire = yield* Events.createQuestionnaire(seed, demoQuestionnaire)
    const first = LocalDate.addDays(yield* JobCenter.today, -330)
    const count = Math.max(12, Math.round(240 * scale))
    // Each counselor's answers run through a pattern of their own: their means differ, as people's do.
    const patterns = [[5, 5, 4, 5, 4, 5, 4, 4, 5, 3], [4, 4, 5, 3, 4, 4, 5, 4, 3, 4], [3, 4, 4, 2, 5, 3, 4, 3, 4, 4], [5, 4, 4, 5, 4, 3, 5, 4, 4, 5]]
    for (let i = 0; i < count; i++) {
      const k = i % counselorIds.length
      const pattern = patterns[k % patterns.length]!
      const j = Math.floor(i / counselorIds.length)
      yield* Events.respond(seed, questionnaire.value.id, {
        respondedOn: LocalDate.addDays(first, Math.floor((i * 318) / count)),
        counselorId: counselorIds[k],
        answers: [
          { questionId: "q1", rating: pattern[j % pattern.length]! },
          { questionId: "q2", rating: pattern[(j + 3) % pattern.length]! },
          ...(i % 3 === 0 ? [] : [{ questionId: "q3", choice: channels[i % channels.length]! }])
        ]
      })
    }
    return count
  })
