// A memory source over the fixtures, and the extras a full monthly report takes.
import { Repositories, Targets } from "@iljari/core"
import { Effect, Either, Layer } from "effect"
import type * as Budget from "../src/Budget.js"
import type * as JobFairs from "../src/JobFairs.js"
import * as Report from "../src/Report.js"
import { ReportSource } from "../src/ReportSource.js"
import { A, d, records } from "@iljari/test-support/report/fixtures"

export const fixtureSource: Layer.Layer<ReportSource> = Layer.effectDiscard(
  Effect.gen(function*() {
    const insert = <A>(repo: { readonly insert: (a: A) => Effect.Effect<unknown, unknown> }, rows: ReadonlyArray<A>) =>
      Effect.forEach(rows, (row) => repo.insert(row), { discard: true })
    yield* insert(yield* Repositories.SeekerRepository, records.seekers)
    yield* insert(yield* Repositories.OpeningRepository, records.openings)
    yield* insert(yield* Repositories.CounselingRepository, records.counselings)
    yield* insert(yield* Repositories.ReferralRepository, records.referrals)
    yield* insert(yield* Repositories.PlacementRepository, records.placements)
    yield* insert(yield* Repositories.FollowUpRepository, records.followUps)
  }).pipe(Effect.orDie)
).pipe(Layer.provideMerge(ReportSource.layerMemory), Layer.provide(Repositories.layerMemory))

// Small targets so that a month of the fixtures meets them: 2 openings, 3 seekers,
// 2 placements and 4 sessions a month.
export const targets = { openings: 24, seekers: 36, placements: 24, counseling: 48 }

export const seedBudget: ReadonlyArray<Budget.Line> = [
  { unitProject: "취업활동지원", budget: 1_229_775, spent: 830_446 },
  { unitProject: "지역일자리사업지원", budget: 1_887_159, spent: 1_301_295 },
  { unitProject: "행정운영경비", budget: 76_783, spent: 46_639 },
  { unitProject: "인력운영비", budget: 55_373, spent: 49_410 }
]

export const fairs: ReadonlyArray<JobFairs.Fair> = [
  { name: "일 잡는 데이 (구청)", heldOn: d("2016-03-09"), employers: 5, invited: 30, attended: 21, interviewed: 18, hired: 4 },
  { name: "찾아가는 일 잡는 데이 (성수 지식산업센터)", heldOn: d("2016-03-23"), employers: 8, invited: 40, attended: 26, interviewed: 22, hired: 3 }
]

export const plan = Either.getOrThrow(Targets.plan({
  year: 2016,
  growthPercent: 5,
  baseline: { openings: 2_664, seekers: 6_594, placements: 1_963 },
  rounding: { mode: "nearest", unit: 10 },
  overrides: { seekers: 6_930 }
}))

/** The monthly report of March 2016 over the fixtures, with every extra. */
export const marchReport = Report.monthly({
  districtId: A,
  year: 2016,
  month: 3,
  targets,
  names: { k1: "김지현", k2: "이서준" },
  plan,
  budget: { lines: seedBudget, statedTotal: { budget: 3_249_090, spent: 2_227_790 } },
  fairs,
  supplyDemand: {
    occupation: [
      { key: "5", seekers: 250, positions: 60 },
      { key: "0", seekers: 40, positions: 120 },
      { key: "4", seekers: 10, positions: 30 }
    ]
  },
  findings: []
}).pipe(Effect.provide(fixtureSource))
