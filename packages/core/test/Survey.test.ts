import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Survey from "../src/events/Survey.js"
import { left, right } from "@iljari/test-support/either"

const questionnaire = right(Survey.decodeQuestionnaire({
  id: "visitor-2026",
  districtId: "11200",
  title: "일자리센터 방문자 만족도 조사",
  audience: "visitor",
  questions: [
    { _tag: "rating", id: "counseling", text: "상담은 도움이 되었습니까?", required: true },
    { _tag: "rating", id: "kindness", text: "상담사는 친절했습니까?", required: true },
    { _tag: "choice", id: "channel", text: "센터를 어떻게 알게 되었습니까?", required: false, options: ["구청 홈페이지", "지인", "현수막"] },
    { _tag: "text", id: "comment", text: "하고 싶은 말", required: false }
  ]
}))

const response = (patch: Record<string, unknown>) => ({
  id: "r-1",
  districtId: "11200",
  questionnaireId: "visitor-2026",
  respondedOn: "2026-03-05",
  answers: [{ questionId: "counseling", rating: 5 }, { questionId: "kindness", rating: 4 }],
  ...patch
})

const decode = Survey.decodeResponse(questionnaire)

describe("Survey", () => {
  it("accepts a response that fits its questionnaire, anonymous or not", () => {
    expect(right(decode(response({}))).answers).toHaveLength(2)
    expect(right(decode(response({ seekerId: "seeker-1", counselorId: "counselor-01" }))).seekerId).toBe("seeker-1")
  })

  it("names every way a response fails its questionnaire", () => {
    const error = left(decode(response({
      answers: [
        { questionId: "counseling", rating: 6 }
      ]
    })))
    expect(error.issues.map((i) => i.path)).toEqual(["answers[0].rating"])
    const mismatched = left(decode(response({
      answers: [
        { questionId: "counseling", choice: "지인" },
        { questionId: "channel", choice: "신문" },
        { questionId: "nonsense", rating: 3 },
        { questionId: "channel", choice: "지인" },
        { questionId: "comment", text: "주민번호 900101-1234567 로 연락 주세요" }
      ]
    })))
    expect(mismatched.message).toMatch(/resident registration number/)
    const shaped = left(decode(response({
      answers: [
        { questionId: "counseling", choice: "지인" },
        { questionId: "channel", choice: "신문" },
        { questionId: "nonsense", rating: 3 },
        { questionId: "channel", choice: "지인" }
      ]
    })))
    expect(shaped.issues.map((i) => [i.path, i.message])).toEqual([
      ["answers[0]", "must carry exactly \"rating\" for question \"counseling\""],
      ["answers[1].choice", "must be one of \"구청 홈페이지\", \"지인\", \"현수막\""],
      ["answers[2].questionId", "is not a question of \"visitor-2026\""],
      ["answers[3].questionId", "answers question \"channel\" again (answers[1])"],
      ["answers", "must answer the required question \"kindness\""]
    ])
  })

  it("refuses a questionnaire that repeats a question id", () => {
    const error = left(Survey.decodeQuestionnaire({
      id: "q",
      districtId: "11200",
      title: "t",
      audience: "placed-seeker",
      questions: [{ _tag: "text", id: "a", text: "x", required: false }, { _tag: "text", id: "a", text: "y", required: false }]
    }))
    expect(error.issues[0]!.path).toBe("questions[1].id")
  })

  it("scores by period, counselor and month", () => {
    const responses = [
      response({ id: "a", counselorId: "counselor-01", respondedOn: "2026-03-02" }),
      response({ id: "b", counselorId: "counselor-01", respondedOn: "2026-04-02", answers: [{ questionId: "counseling", rating: 2 }, { questionId: "kindness", rating: 3 }, { questionId: "channel", choice: "지인" }] }),
      response({ id: "c", counselorId: "counselor-02", respondedOn: "2026-04-10" }),
      response({ id: "d", respondedOn: "2025-12-31" })
    ].map((r) => right(decode(r)))
    const period = { from: "2026-01-01" as never, to: "2026-12-31" as never }
    const [all] = Survey.scores(questionnaire, responses, period)
    expect(all).toMatchObject({ key: "all", responses: 3, average: (5 + 4 + 2 + 3 + 5 + 4) / 6, satisfiedShare: 4 / 6 })
    expect(all!.byQuestion).toEqual([
      { questionId: "counseling", average: 4, answers: 3 },
      { questionId: "kindness", average: 11 / 3, answers: 3 }
    ])
    expect(all!.choices.find((c) => c.option === "지인")?.count).toBe(1)
    expect(Survey.scores(questionnaire, responses, period, "counselor").map((s) => [s.key, s.responses])).toEqual([
      ["counselor-01", 2],
      ["counselor-02", 1]
    ])
    expect(Survey.scores(questionnaire, responses, period, "month").map((s) => s.key)).toEqual(["2026-03", "2026-04"])
  })

  it("group scores add up to the overall ones, averages stay within 1–5, order does not matter", () => {
    const arbitraryResponse = fc.record({
      counselorId: fc.constantFrom("counselor-01", "counselor-02", undefined),
      month: fc.integer({ min: 1, max: 12 }),
      ratings: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    })
    fc.assert(
      fc.property(fc.array(arbitraryResponse, { maxLength: 40 }), (drawn) => {
        const responses = drawn.map((d, i) =>
          right(decode(response({
            id: `r-${i}`,
            ...(d.counselorId === undefined ? {} : { counselorId: d.counselorId }),
            respondedOn: `2026-${String(d.month).padStart(2, "0")}-15`,
            answers: [{ questionId: "counseling", rating: d.ratings[0] }, { questionId: "kindness", rating: d.ratings[1] }]
          })))
        )
        const period = { from: "2026-01-01" as never, to: "2026-12-31" as never }
        const overall = Survey.scores(questionnaire, responses, period)
        const byCounselor = Survey.scores(questionnaire, responses, period, "counselor")
        expect(byCounselor.reduce((a, s) => a + s.responses, 0)).toBe(responses.length)
        const weighted = byCounselor.reduce((a, s) => a + s.average! * s.responses * 2, 0)
        if (responses.length > 0) expect(weighted / (responses.length * 2)).toBeCloseTo(overall[0]!.average!, 9)
        for (const s of [...overall, ...byCounselor]) {
          expect(s.average!).toBeGreaterThanOrEqual(1)
          expect(s.average!).toBeLessThanOrEqual(5)
        }
        expect(Survey.scores(questionnaire, [...responses].reverse(), period, "month")).toEqual(
          Survey.scores(questionnaire, responses, period, "month")
        )
      })
    )
  })
})
