import { describe, expect, it } from "@effect/vitest"
import { Audit, Employer, EmployerSearch, type Ids, JobCenter, Match, Opening, Repositories, Seeker } from "@iljari/core"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { Effect, Either, Layer, Option, TestClock } from "effect"
import { h } from "preact"
import { renderToString } from "preact-render-to-string"
import { formOf } from "../src/http/Form.js"
import * as EmployerForm from "../src/pages/employers/EmployerForm.js"
import * as OpeningForm from "../src/pages/employers/OpeningForm.js"
import { BestSeekers } from "../src/pages/employers/OpeningPage.js"
import { problemsOf } from "../src/ui/Rules.js"
import { sayIn } from "../src/ui/Say.js"
import type { View } from "../src/ui/View.js"

const view: View = { lang: "ko", say: sayIn("ko"), prefix: "/app", path: "/openings", csrf: "token" }
const english: View = { ...view, lang: "en", say: sayIn("en") }
const district = "11200" as Ids.DistrictId
const kim: JobCenter.Actor = { districtId: district, counselorId: "counselor-01" as Ids.CounselorId }

const refusedEmployer = (fields: ReadonlyArray<readonly [string, string]>) => {
  const values = EmployerForm.valuesOf(formOf(fields))
  const decoded = Employer.decodeEither({ ...EmployerForm.inputOf(values), id: "employer-x", districtId: district, registeredAt: "2026-03-02T00:00:00.000Z" })
  if (Either.isRight(decoded)) throw new Error("expected a refusal")
  return problemsOf(view.say, decoded.left, EmployerForm.fieldOf(values))
}

describe("the employer form", () => {
  it("says core's rules in Korean beside the fields, a contact row by the row the person filled", () => {
    const problems = refusedEmployer([
      ["businessNumber", "123-45-67890"],
      ["addressRegion", "11200"],
      ["size", "small"],
      ["source", "walk-in"],
      // The first row left blank: the second row is core's contacts[0].
      ["contact2Phone", "12345"]
    ])
    expect(problems).toEqual({
      name: "필수 항목입니다",
      businessNumber: "사업자등록번호 10자리가 아니거나 검증번호가 맞지 않습니다 (예: 124-81-00998)",
      contact2Name: "비워 둘 수 없습니다",
      contact2Phone: "전화번호 형식이 아닙니다 (예: 010-1234-5678, 02-123-4567)"
    })
  })

  it("sends blank optional fields not at all, and canonicalises through core", () => {
    const values = EmployerForm.valuesOf(formOf([
      ["name", "성수디지털(주)"],
      ["businessNumber", "1248100998"],
      ["addressRegion", "11200"],
      ["size", "small"],
      ["source", "walk-in"],
      ["industry", ""],
      ["contact1Name", "이영희"],
      ["contact1Phone", "0212345678"]
    ]))
    const input = EmployerForm.inputOf(values)
    expect(input).not.toHaveProperty("industry")
    expect(input.contacts).toEqual([{ name: "이영희", phone: "0212345678" }])
    const decoded = Employer.decodeEither({ ...input, id: "employer-x", districtId: district, registeredAt: "2026-03-02T00:00:00.000Z" })
    expect(Either.getOrThrow(decoded).businessNumber).toBe("124-81-00998")
  })
})

describe("the opening form", () => {
  const base: ReadonlyArray<readonly [string, string]> = [
    ["employerId", "employer-0001"],
    ["title", "웹디자이너 채용"],
    ["occupationGroup", "41"],
    ["occupationDetail", "4122"],
    ["headcount", "2"],
    ["workRegion", "11200"],
    ["wageType", "yearly"],
    ["wageMin", "28,000,000"],
    ["educationMinimum", "04"],
    ["careerRequirement", "experienced"],
    ["careerMonths", "12"],
    ["contractType", "open-ended"],
    ["schedule", "full-time"],
    ["workingDays", "five-days"],
    ["openedOn", "2026-03-02"]
  ]
  const decode = (fields: ReadonlyArray<readonly [string, string]>) => {
    const values = OpeningForm.valuesOf(formOf(fields))
    return { values, decoded: Opening.decodeEither({ ...OpeningForm.inputOf(values), id: "opening-x", districtId: district }) }
  }

  it("reads won with commas and makes a new opening open", () => {
    const opening = Either.getOrThrow(decode(base).decoded)
    expect(opening.wage).toEqual({ type: "yearly", min: 28_000_000 })
    expect(opening.occupation).toBe("4122")
    expect(opening.status).toBe("open")
    expect(opening.career).toEqual({ requirement: "experienced", minimumMonths: 12 })
  })

  it("puts each refused rule beside its own field, in Korean", () => {
    const { decoded, values } = decode([
      ...base.filter(([name]) => name !== "careerRequirement" && name !== "headcount"),
      ["careerRequirement", "new"],
      ["headcount", "0"],
      ["wageMax", "100"],
      ["workStart", "9시"],
      ["requiredCertificates", "운전면허\n운전면허"]
    ])
    if (Either.isRight(decoded)) throw new Error("expected a refusal")
    expect(problemsOf(view.say, decoded.left, OpeningForm.fieldOf(values))).toEqual({
      headcount: "1~10,000명 사이의 정수를 입력하세요",
      wageMax: "최소 금액보다 적을 수 없습니다",
      careerMonths: "경력 조건이 '경력'일 때만 적을 수 있습니다",
      workStart: "시각 형식이 아닙니다 (예: 09:00, 18:30)",
      workEnd: "필수 항목입니다",
      requiredCertificates: "같은 항목을 두 번 적을 수 없습니다"
    })
  })

  it("refuses a detailed code outside the group chosen", () => {
    const values = OpeningForm.valuesOf(formOf([...base.filter(([name]) => name !== "occupationDetail"), ["occupationDetail", "0211"]]))
    expect(Object.keys(OpeningForm.occupationProblem(view, values))).toEqual(["occupationDetail"])
  })
})

describe("an opening's best seekers", () => {
  const seeker = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, name: "<script>alert(1)</script>" }))
  const opening = Either.getOrThrow(Opening.decodeEither(openingInput))
  const match = Match.score(seeker, opening)

  it("links each seeker to the case file with the score and a reason per criterion, escaped", () => {
    const html = renderToString(h(BestSeekers, { view, opening, found: [{ record: { value: seeker, version: 1 }, match }] }))
    expect(html).toContain(`href="/app/seekers/${seeker.id}"`)
    expect(html).toContain("&lt;script>alert(1)&lt;/script>")
    expect(html).not.toContain("<script>")
    expect(html).toContain(`${match.total.toFixed(1)}점`)
    for (const part of match.parts) expect(html).toContain(part.reason.ko.replace(/&/g, "&amp;").replace(/</g, "&lt;"))
  })

  it("recommends nobody for an opening that is not open, in the page's language", () => {
    const closed = new Opening.Opening({ ...opening, status: "closed" })
    expect(renderToString(h(BestSeekers, { view: english, opening: closed, found: [] }))).toContain("open openings only")
  })
})

describe("EmployerSearch (core, memory stores)", () => {
  const TestLayer = Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)

  it.effect("finds employers by part of the name or its 초성, logs those shown, and finds a business number", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T00:00:00Z"))
      const { districtId: _d, id: _i, registeredAt: _r, ...fields } = employerInput
      const first = yield* JobCenter.registerEmployer(kim, fields)
      yield* JobCenter.registerEmployer(kim, { ...fields, name: "응봉테크(주)", businessNumber: "220-81-12341" })
      const bySyllables = yield* EmployerSearch.searchEmployers(kim, { name: "디지털" })
      const byInitials = yield* EmployerSearch.searchEmployers(kim, { name: "ㅇㅂㅌ" })
      const newestFirst = yield* EmployerSearch.searchEmployers(kim, { sort: "registeredAt", order: "desc" }, { limit: 1 })
      expect(bySyllables.items.map((row) => row.value.name)).toEqual(["성수디지털(주)"])
      expect(byInitials.items.map((row) => row.value.name)).toEqual(["응봉테크(주)"])
      expect(newestFirst.total).toBe(2)
      expect(yield* EmployerSearch.employerWithBusinessNumber(kim, "1248100998")).toEqual(Option.some(first.value.id))
      expect(yield* EmployerSearch.employerWithBusinessNumber(kim, "not a number")).toEqual(Option.none())
      const invalid = yield* Effect.flip(EmployerSearch.searchEmployers(kim, { name: "" }))
      if (invalid._tag !== "ValidationError") throw invalid
      expect(problemsOf(view.say, invalid)).toEqual({ name: "비워 둘 수 없습니다" })
      const log = yield* Effect.flatMap(Audit.AuditLog, (audit) => audit.list(district))
      // One entry per employer shown (three searches of one result each); the search terms are not logged.
      const searches = log.filter((entry) => entry.purpose === "employer.search")
      expect(searches).toHaveLength(3)
      expect(searches.map((entry) => entry.subjectId)).toContain(first.value.id)
      expect(JSON.stringify(log)).not.toContain("ㅇㅂㅌ")
    }).pipe(Effect.provide(TestLayer)))

  it.effect("lists one employer's openings by status, newest first", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T00:00:00Z"))
      const { districtId: _d, id: _i, registeredAt: _r, ...fields } = employerInput
      const employer = yield* JobCenter.registerEmployer(kim, fields)
      const { districtId: _od, id: _oi, ...opening } = openingInput
      const older = yield* JobCenter.registerOpening(kim, { ...opening, employerId: employer.value.id, openedOn: "2016-03-01" })
      const newer = yield* JobCenter.registerOpening(kim, { ...opening, employerId: employer.value.id, title: "바리스타" })
      yield* JobCenter.registerOpening(kim, { ...opening, employerId: employer.value.id, status: "closed" })
      const open = yield* EmployerSearch.searchOpenings(kim, { employerId: employer.value.id, status: "open" })
      expect(open.items.map((row) => row.value.id)).toEqual([newer.value.id, older.value.id])
      const byTitle = yield* EmployerSearch.searchOpenings(kim, { title: "ㅂㄹ", sort: "title" })
      expect(byTitle.items.map((row) => row.value.title)).toEqual(["바리스타"])
    }).pipe(Effect.provide(TestLayer)))
})
