import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Match from "../src/matching/Match.js"
import * as Opening from "../src/registry/Opening.js"
import * as Seeker from "../src/registry/Seeker.js"
import { left, right } from "@iljari/test-support/either"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { openingArbitrary, protectedFields, seekerArbitrary, ids } from "./matchData.js"

const seeker = (patch: Record<string, unknown> = {}) => right(Seeker.decodeEither({ ...seekerInput, ...patch }))
const opening = (patch: Record<string, unknown> = {}) => right(Opening.decodeEither({ ...openingInput, ...patch }))

// A security guard's wish against a security opening next door that fits in
// every respect: the textbook placement of the seeds.
const guard = seeker({ desiredOccupations: ["5410", "5611"], desiredRegions: [], certificates: ["경비지도사"] })
const guardJob = opening({
  title: "아파트 경비원",
  occupation: "5410",
  workRegion: "11200",
  wage: { type: "monthly", min: 2_200_000 },
  educationMinimum: "00",
  career: { requirement: "any" },
  contractType: "fixed-term",
  weeklyHours: 40,
  requiredCertificates: [],
  preferredCertificates: ["경비지도사"]
})

const pairs = fc.tuple(seekerArbitrary(ids("s")), openingArbitrary(ids("o")))

describe("Match.score", () => {
  it("gives a pair that fits in every respect exactly 100, with a reason for each part", () => {
    const match = Match.score(guard, guardJob)
    expect(match.total).toBe(100)
    expect(match.eligible).toBe(true)
    expect(match.parts.map((p) => [p.criterion, p.points])).toEqual([
      ["occupation", 35],
      ["region", 15],
      ["wage", 15],
      ["education", 10],
      ["career", 10],
      ["employment", 10],
      ["certificates", 5]
    ])
    expect(Match.explain(match)).toEqual([
      "적합도 100.0점 / 100",
      "직종 35.0/35.0: 1순위 희망 직종 5410에 해당: 5410 경호·경비직",
      "지역 15.0/15.0: 근무지 성동구: 거주지와 같은 구",
      "임금 15.0/15.0: 제시 임금 월 2,200,000원이 희망(월 2,100,000원) 이상",
      "학력 10.0/10.0: 학력 무관",
      "경력 10.0/10.0: 관계없음",
      "고용형태·근무시간 10.0/10.0: 계약형태·근무형태·근무시간이 희망과 맞음",
      "자격증 5.0/5.0: 자격증 우대 1개 중 1개 보유"
    ])
    expect(Match.explain(match, "en")[1]).toBe("Occupation 35.0/35.0: Matches wish #1, 5410: 5410 Security and guarding")
  })

  it("explains each way a pair falls short", () => {
    const match = Match.score(
      seeker({ desiredOccupations: ["5611", "5410"], desiredRegions: ["11215"], careerMonths: 6, education: "03" }),
      opening({
        occupation: "5412",
        workRegion: "11680",
        wage: { type: "monthly", min: 1_800_000 },
        educationMinimum: "05",
        career: { requirement: "experienced", minimumMonths: 24 },
        contractType: "daily",
        weeklyHours: 48,
        requiredCertificates: [],
        preferredCertificates: ["요양보호사"]
      })
    )
    const lines = Match.explain(match)
    expect(lines).toContain("직종 23.3/35.0: 2순위 희망 직종 5410와 같은 소분류(541)")
    expect(lines.find((l) => l.startsWith("지역"))).toMatch(/^지역 6\.0\/15\.0: 근무지 강남구: 거주지\(성동구\)와 이웃한 구 \(희망 근무지역 밖: 절반\)$/)
    expect(lines).toContain("임금 7.9/15.0: 제시 임금 월 1,800,000원이 희망(월 2,100,000원)의 85%")
    expect(lines).toContain("학력 0.0/10.0: 요구 학력(대졸(4년))에 못 미침")
    expect(lines).toContain("경력 2.0/10.0: 요구 경력 24개월 중 6개월")
    expect(lines).toContain("고용형태·근무시간 3.0/10.0: 희망하지 않는 계약형태(일용직), 주 48시간(희망 최대 40시간 초과)")
    expect(lines).toContain("자격증 3.0/5.0: 자격증 우대 1개 중 0개 보유")
  })

  it("names the hard constraint that rules a pair out, and each can be switched off", () => {
    const closed = opening({ status: "closed", requiredCertificates: ["요양보호사"] })
    const match = Match.score(seeker(), closed)
    expect(match.eligible).toBe(false)
    expect(match.blockedBy.map((b) => b.constraint)).toEqual(["opening-not-open", "required-certificate"])
    expect(Match.explain(match, "en")).toContain("Ruled out: Missing required certificate: 요양보호사")

    const lenient: Match.Config = {
      ...Match.defaultConfig,
      hardConstraints: { openingOpen: false, requiredCertificates: false, headcount: true }
    }
    expect(Match.score(seeker(), closed, { config: lenient }).eligible).toBe(true)
    expect(Match.score(seeker(), opening({ headcount: 2 }), { placed: 2 }).blockedBy[0]?.constraint).toBe("headcount-filled")
    expect(Match.score(seeker(), opening({ closesOn: "2016-03-31" }), { asOf: "2016-04-01" as never }).eligible).toBe(false)
  })

  it("parts lie within their weights and add up to the total exactly", () => {
    fc.assert(
      fc.property(pairs, ([s, o]) => {
        const match = Match.score(s, o)
        const milli = match.parts.map((p) => Math.round(p.points * 1000))
        expect(milli.reduce((a, b) => a + b, 0)).toBe(Math.round(match.total * 1000))
        for (const part of match.parts) {
          expect(part.points).toBeGreaterThanOrEqual(0)
          expect(part.points).toBeLessThanOrEqual(part.weight)
          expect(part.reason.ko.length).toBeGreaterThan(0)
          expect(part.reason.en.length).toBeGreaterThan(0)
        }
        expect(match.parts.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(100, 9)
        expect(match.total).toBeGreaterThanOrEqual(0)
        expect(match.total).toBeLessThanOrEqual(100)
      }),
      { numRuns: 300 }
    )
  })

  it("never reads birth date, age, gender or target groups", () => {
    fc.assert(
      fc.property(pairs, protectedFields, ([s, o], changed) => {
        const other = new Seeker.Seeker({ ...s, ...changed } as never)
        expect(Match.score(other, o)).toEqual(Match.score(s, o))
      }),
      { numRuns: 300 }
    )
  })

  it("scales weights: only their proportions count", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 2, max: 50 }), ([s, o], factor) => {
        const scaled = Object.fromEntries(
          Object.entries(Match.defaultWeights).map(([k, w]) => [k, w * factor])
        ) as unknown as Match.Weights
        const config = { ...Match.defaultConfig, weights: scaled }
        expect(Match.score(s, o, { config }).total).toBe(Match.score(s, o).total)
      }),
      { numRuns: 100 }
    )
  })

  it("a criterion weighted 0 earns nothing, and the others share the 100 points", () => {
    const config = { ...Match.defaultConfig, weights: { ...Match.defaultWeights, region: 0, wage: 0 } }
    const match = Match.score(guard, guardJob, { config })
    expect(match.total).toBe(100)
    expect(match.parts.find((p) => p.criterion === "region")).toMatchObject({ weight: 0, points: 0 })
    expect(match.parts.find((p) => p.criterion === "occupation")?.weight).toBeCloseTo(50, 9)
  })

  it("decodes a district's configuration and names every broken rule", () => {
    const error = left(Match.decodeConfig({
      weights: { ...Match.defaultWeights, wage: -1, region: "high" },
      hardConstraints: { openingOpen: true, requiredCertificates: "yes", headcount: true }
    }))
    const fields = error.issues.map((issue) => issue.path)
    expect(fields).toEqual(expect.arrayContaining(["weights.wage", "weights.region", "hardConstraints.requiredCertificates"]))
    const zero = left(Match.decodeConfig({
      ...Match.defaultConfig,
      weights: Object.fromEntries(Object.keys(Match.defaultWeights).map((k) => [k, 0]))
    }))
    expect(zero.message).toMatch(/at least one criterion/)
  })

  it("a better offer, a nearer workplace or a held certificate never lowers the score", () => {
    fc.assert(
      fc.property(pairs, ([s, o]) => {
        const before = Match.score(s, o).total
        const richer = new Opening.Opening({ ...o, wage: { ...o.wage, min: o.wage.min * 2, ...(o.wage.max === undefined ? {} : { max: o.wage.max * 2 }) } as never })
        expect(Match.score(s, richer).total).toBeGreaterThanOrEqual(before)
        const home = new Opening.Opening({ ...o, workRegion: s.addressRegion })
        if (s.desiredRegions.length === 0) expect(Match.score(s, home).total).toBeGreaterThanOrEqual(before)
        const certified = new Seeker.Seeker({
          ...s,
          certificates: [...new Set([...s.certificates, ...o.requiredCertificates, ...o.preferredCertificates])]
        })
        expect(Match.score(certified, o).total).toBeGreaterThanOrEqual(before)
      }),
      { numRuns: 200 }
    )
  })
})
