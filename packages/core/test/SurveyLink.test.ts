import { describe, expect, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Either, FastCheck as fc, Layer, Redacted, TestClock, TestContext } from "effect"
import { Events, type Ids, type JobCenter, SurveyLink } from "../src/index.js"
import { IdGenerator, layerMemory } from "../src/Repositories.js"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)
const actor: JobCenter.Actor = { districtId: "11200" as Ids.DistrictId, counselorId: "counselor-01" as Ids.CounselorId }
const rating = (n: number) => ({ answers: [{ questionId: "overall", rating: n }] })

const questionnaire = Events.createQuestionnaire(actor, {
  title: "상담 만족도",
  audience: "visitor",
  questions: [{ _tag: "rating", id: "overall", text: "상담에 만족하십니까?", required: true }]
})

// Runs with a fresh memory store and a test clock at `start`.
const fresh = <A, E>(effect: Effect.Effect<A, E, any>, start = Date.parse("2026-05-04T01:00:00Z")) =>
  Effect.runPromise(
    Effect.zipRight(TestClock.setTime(start), effect).pipe(Effect.provide(TestLayer), Effect.provide(TestContext.TestContext)) as Effect.Effect<A, E>
  )

describe("SurveyLink", () => {
  it("answers while the clock is before the end of the days it was issued for, and never after", () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 61 * 24 * 60 }), (days, minutesLater) =>
        fresh(Effect.gen(function*() {
          const q = yield* questionnaire
          const { link, token } = yield* SurveyLink.issue(actor, q.value.id, { days })
          expect(DateTime.distance(link.value.issuedAt, link.value.expiresAt)).toBe(Duration.toMillis(Duration.days(days)))
          yield* TestClock.adjust(Duration.minutes(minutesLater))
          const answered = yield* Effect.either(SurveyLink.answer(Redacted.value(token), rating(4)))
          if (minutesLater < days * 24 * 60) expect(Either.isRight(answered)).toBe(true)
          else expect(answered).toMatchObject({ left: { _tag: "SurveyLinkExpired" } })
        }))),
      { numRuns: 40 }
    ))

  it("keeps one answer a link however many are sent at once, and refuses the rest as used", () =>
    fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }), (ratings) =>
        fresh(Effect.gen(function*() {
          const q = yield* questionnaire
          const { token } = yield* SurveyLink.issue(actor, q.value.id, {})
          const results = yield* Effect.all(ratings.map((n) => Effect.either(SurveyLink.answer(Redacted.value(token), rating(n)))), {
            concurrency: "unbounded"
          })
          expect(results.filter(Either.isRight)).toHaveLength(1)
          for (const r of results.filter(Either.isLeft)) expect(r.left).toMatchObject({ _tag: "SurveyLinkUsed" })
          expect((yield* SurveyLink.list(actor, q.value.id)).counts).toEqual({ issued: 1, used: 1, open: 0, expired: 0 })
        }))),
      { numRuns: 20 }
    ))

  it("refuses a token of another shape, or one no link has, as unknown; never stores the token", () =>
    fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), (guess) =>
        fresh(Effect.gen(function*() {
          const q = yield* questionnaire
          const { link, token } = yield* SurveyLink.issue(actor, q.value.id, {})
          expect(JSON.stringify(link.value)).not.toContain(Redacted.value(token).slice("iljari_v_".length))
          expect(SurveyLink.isTokenShaped(Redacted.value(token))).toBe(true)
          expect(yield* Effect.flip(SurveyLink.open(guess))).toMatchObject({ _tag: "SurveyLinkUnknown" })
        }))),
      { numRuns: 30 }
    ))

  it("refuses days outside 1 to 60, naming the field", () =>
    fresh(Effect.gen(function*() {
      const q = yield* questionnaire
      for (const days of [0, 61, 1.5]) {
        const refused = yield* Effect.flip(SurveyLink.issue(actor, q.value.id, { days }))
        expect(refused._tag).toBe("ValidationError")
        expect(refused._tag === "ValidationError" ? refused.issues.map((i) => i.path) : []).toContain("days")
      }
    })))
})
