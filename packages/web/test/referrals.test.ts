import { describe, expect, it } from "@effect/vitest"
import { Ids, JobCenter, Referral, ReferralBoard, Repositories, Validation } from "@iljari/core"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { Effect, Layer, TestClock } from "effect"
import { h } from "preact"
import { renderToString } from "preact-render-to-string"
import { formOf } from "../src/http/Form.js"
import { afterMove } from "../src/pages/Referrals.js"
import { RefusalPage, statusOf } from "../src/pages/Refusal.js"
import { firstPages, pagesOf } from "../src/pages/referrals/Board.js"
import { MoveButtons, offeredMoves } from "../src/pages/referrals/Moves.js"
import { fieldOf, inputOf } from "../src/pages/referrals/PlacementForm.js"
import { problemsOf } from "../src/ui/Rules.js"
import { sayIn } from "../src/ui/Say.js"
import type { View } from "../src/ui/View.js"

const view: View = { lang: "ko", say: sayIn("ko"), prefix: "/app", path: "/referrals", csrf: "token" }

const entryAt = (status: Referral.ReferralStatus, movable = true): ReferralBoard.Entry => ({
  referral: {
    value: new Referral.Referral({
      id: "referral-1" as Ids.ReferralId,
      districtId: "11200" as Ids.DistrictId,
      seekerId: "seeker-1" as Ids.SeekerId,
      openingId: "opening-1" as Ids.OpeningId,
      counselorId: "counselor-01" as Ids.CounselorId,
      status,
      history: [{ status, on: "2026-03-02" as never, by: "counselor-01" as Ids.CounselorId }]
    }),
    version: 4
  },
  seeker: { id: "seeker-1" as Ids.SeekerId, name: "홍길동" },
  opening: { id: "opening-1" as Ids.OpeningId, title: "바리스타" },
  employer: undefined,
  lastStepOn: "2026-03-02" as never,
  movable,
  placementId: undefined
})

const rendered = (status: Referral.ReferralStatus, movable = true) =>
  renderToString(h(MoveButtons, { view, entry: entryAt(status, movable), back: "referral" }))

const targetsIn = (html: string) => [...html.matchAll(/name="to" value="([^"]+)"/g)].map((m) => m[1])

describe("the moves a referral offers", () => {
  it("explain a second referral of a seeker to an opening as a 409 page saying what to do", () => {
    const page = renderToString(h(RefusalPage, { view, refusal: "already-referred" }))
    expect(page).toContain("이미 진행 중인 알선이 있습니다")
    expect(statusOf["already-referred"]).toBe(409)
  })

  it("are exactly core's transitions, for every status", () => {
    for (const status of Referral.ReferralStatus.literals) {
      expect(offeredMoves(status)).toEqual(Referral.transitions[status])
      expect(targetsIn(rendered(status)), status).toEqual([...Referral.transitions[status]])
    }
  })

  it("each post the version seen and name the referral they move", () => {
    const html = rendered("sent")
    expect([...html.matchAll(/name="version" value="4"/g)]).toHaveLength(3)
    expect([...html.matchAll(/name="_csrf" value="token"/g)]).toHaveLength(3)
    expect([...html.matchAll(/<span class="visually-hidden"> 단계로 변경: 홍길동, 바리스타<\/span>/g)]).toHaveLength(3)
  })

  it("are none where the person may not move it", () => {
    expect(targetsIn(rendered("proposed", false))).toEqual([])
  })

  it("lead a hire to its placement form, and others back where they were made", () => {
    expect(afterMove("r-1", "hired", { board: "all" })).toBe("/referrals/r-1/placement")
    expect(afterMove("r-1", "sent", "referral")).toBe("/referrals/r-1?done=moved")
    expect(afterMove("r-1", "sent", { board: "counselor-01" })).toBe("/referrals?done=moved&counselor=counselor-01")
  })
})

describe("the board's pages", () => {
  const shown = ReferralBoard.columns.flatMap((s) => [[`at-${s}`, "3"]] as Array<[string, string]>)

  it("turn one column and keep the others", () => {
    const pages = pagesOf(formOf([["counselorId", "c-1"], ["current-counselor", "c-1"], ...shown, ["page", "sent:4"]]))
    expect(pages).toEqual({ proposed: 3, sent: 4, interviewing: 3, hired: 3, rejected: 3, withdrawn: 3 })
  })

  it("start over for another counselor", () => {
    expect(pagesOf(formOf([["counselorId", "c-2"], ["current-counselor", "c-1"], ...shown]))).toEqual(firstPages)
  })

  it("read nonsense as the first page", () => {
    expect(pagesOf(formOf([["at-sent", "-2"], ["page", "hired:x"]]))).toEqual(firstPages)
  })
})

describe("the placement form", () => {
  const entry = entryAt("hired")

  it("leaves the wage out when neither part is given, and reads 2,500,000원 as a number", () => {
    const base = { startOn: "2026-03-09", contractType: "open-ended", schedule: "full-time" }
    expect(inputOf(base, entry)).toEqual({ seekerId: "seeker-1", referralId: "referral-1", ...base })
    expect(inputOf({ ...base, wageType: "monthly", wageAmount: "2,500,000원" }, entry).wage).toEqual({ type: "monthly", amount: 2_500_000 })
  })

  it("says core's refusals in Korean beside the fields", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Validation.decode(JobCenter.PlacementRequest)(inputOf({ wageAmount: "0", schedule: "full-time" }, entry)))
      const problems = problemsOf(sayIn("ko"), error, fieldOf)
      expect(problems).toEqual({
        startOn: "필수 항목입니다",
        contractType: "필수 항목입니다",
        wageType: "필수 항목입니다",
        wageAmount: "1원 이상 100억 원 이하의 금액을 숫자로 입력하세요"
      })
    }).pipe(Effect.runPromise))
})

// The board's use case on core's memory layers.
const TestLayer = Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)
const kim: JobCenter.Actor = { districtId: "11200" as Ids.DistrictId, counselorId: "counselor-01" as Ids.CounselorId, caseload: "own" }
const lee: JobCenter.Actor = { districtId: "11200" as Ids.DistrictId, counselorId: "counselor-02" as Ids.CounselorId, caseload: "own" }
const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

describe("ReferralBoard", () => {
  it.effect("puts each referral in its status's column, with names, and logs each seeker shown once", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      const seeker = yield* JobCenter.registerSeeker(kim, seekerForm)
      const employer = yield* JobCenter.registerEmployer(kim, employerForm)
      const opening = yield* JobCenter.registerOpening(kim, { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" })
      const proposed = yield* JobCenter.proposeReferral(kim, { seekerId: seeker.value.id, openingId: opening.value.id })
      yield* JobCenter.moveReferral(kim, { referralId: proposed.value.id, to: "sent", expectedVersion: proposed.version })

      const before = (yield* Effect.flatMap(Repositories.AuditLog, (log) => log.list(kim.districtId))).length
      const board = yield* ReferralBoard.board(kim, { counselorId: kim.counselorId })
      expect(board.map((c) => [c.status, c.total])).toEqual([["proposed", 0], ["sent", 1], ["interviewing", 0], ["hired", 0], ["rejected", 0], ["withdrawn", 0]])
      const [entry] = board[1]!.items
      expect(entry!.seeker.name).toBe(seeker.value.name)
      expect(entry!.opening.title).toBe(opening.value.title)
      expect(entry!.employer?.name).toBe(employer.value.name)
      expect(entry!.lastStepOn).toBe("2026-03-02")
      expect(entry!.movable).toBe(true)
      const reads = (yield* Effect.flatMap(Repositories.AuditLog, (log) => log.list(kim.districtId))).slice(before)
      expect(reads.map((e) => [e.purpose, e.subjectId])).toEqual([["referral.board", seeker.value.id]])

      // Another counselor sees it but may not move it; their own board is empty.
      const theirs = yield* ReferralBoard.board(lee, {})
      expect(theirs[1]!.items[0]!.movable).toBe(false)
      expect((yield* ReferralBoard.board(lee, { counselorId: lee.counselorId })).every((c) => c.total === 0)).toBe(true)

      const details = yield* ReferralBoard.details(kim, proposed.value.id)
      expect(details.entry.referral.value.history.map((s) => s.status)).toEqual(["proposed", "sent"])
      expect(details.placement).toBeUndefined()
      expect(details.opening?.id).toBe(opening.value.id)
    }).pipe(Effect.provide(TestLayer)))
})
