import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import * as BusinessCalendar from "../src/kernel/BusinessCalendar.js"
import * as FollowUp from "../src/casework/FollowUp.js"
import * as Ids from "../src/kernel/Ids.js"
import * as LegalPeriod from "../src/kernel/LegalPeriod.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import { left, right } from "@iljari/test-support/either"

const d = (s: string) => s as LocalDate.LocalDate
const { korea } = BusinessCalendar


const dues = (start: string, policy = FollowUp.threeMonthly, calendar = korea) =>
  right(FollowUp.schedule(d(start), policy, calendar)).map((draft) => draft.dueOn)

const isBusinessDay = (date: LocalDate.LocalDate, calendar = korea) => right(BusinessCalendar.isBusinessDay(calendar, date))

// What the use case does with a draft: give it an id and its owners.
const toCheck = (draft: FollowUp.Draft, placement = 1): FollowUp.Check =>
  new FollowUp.Check({
    id: Ids.FollowUpId.make(`fu-${placement}-${draft.sequence}`),
    districtId: Ids.DistrictId.make("11200"),
    placementId: Ids.PlacementId.make(`placement-${placement}`),
    seekerId: Ids.SeekerId.make(`seeker-${placement}`),
    counselorId: Ids.CounselorId.make("counselor-park"),
    ...draft
  })

const checksFor = (start: string, placement = 1, policy = FollowUp.threeMonthly) =>
  right(FollowUp.schedule(d(start), policy, korea)).map((draft) => toCheck(draft, placement))

const dateBetween = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => LocalDate.format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) as LocalDate.LocalDate)

describe("the follow-up rule", () => {
  it("is 3 months with one check a month by default, 12 monthly checks in the WIOA preset", () => {
    expect([FollowUp.threeMonthly.months, FollowUp.threeMonthly.intervalMonths]).toEqual([3, 1])
    expect([FollowUp.wioa12.months, FollowUp.wioa12.intervalMonths]).toEqual([12, 1])
    expect(FollowUp.windows(d("2026-03-03"), FollowUp.wioa12)).toHaveLength(12)
  })

  it("cuts the period into windows counted from the start date", () => {
    expect(FollowUp.windows(d("2026-03-03"), FollowUp.threeMonthly)).toEqual([
      { sequence: 1, windowStart: "2026-03-03", windowEnd: "2026-04-02" },
      { sequence: 2, windowStart: "2026-04-03", windowEnd: "2026-05-02" },
      { sequence: 3, windowStart: "2026-05-03", windowEnd: "2026-06-02" }
    ])
  })

  it("ends a window as the Civil Act ends a period of months, without drifting after the 31st", () => {
    // February has no 31st: the first month ends on its last day (민법 제160조 ③).
    expect(FollowUp.windows(d("2026-01-31"), FollowUp.threeMonthly)).toEqual([
      { sequence: 1, windowStart: "2026-01-31", windowEnd: "2026-02-28" },
      { sequence: 2, windowStart: "2026-03-01", windowEnd: "2026-03-30" },
      { sequence: 3, windowStart: "2026-03-31", windowEnd: "2026-04-30" }
    ])
    expect(FollowUp.windows(d("2027-12-30"), FollowUp.threeMonthly).map((w) => w.windowEnd)).toEqual([
      "2028-01-29",
      "2028-02-29",
      "2028-03-29"
    ])
  })

  it("decodes a district's policy and refuses one whose windows would not tile", () => {
    const quarterly = right(FollowUp.decodePolicy({ months: 12, intervalMonths: 3 }))
    expect(FollowUp.windows(d("2026-01-05"), quarterly).map((w) => w.windowEnd)).toEqual([
      "2026-04-04",
      "2026-07-04",
      "2026-10-04",
      "2027-01-04"
    ])
    expect(left(FollowUp.decodePolicy({ months: 12, intervalMonths: 5 })).message).toBe(
      "Invalid FollowUpPolicy: intervalMonths: must divide months (12) so the windows tile the period; got 5"
    )
    expect(left(FollowUp.decodePolicy({ months: 0, intervalMonths: 1 })).issues[0]!.path).toBe("months")
  })
})

describe("due dates fall on the window's last business day", () => {
  it("an ordinary schedule, with 노동절 2026-05-01 skipped", () => {
    // 04-02 Thursday; 05-02 Saturday → 05-01 노동절 → 04-30; 06-02 Tuesday
    expect(dues("2026-03-03")).toEqual(["2026-04-02", "2026-04-30", "2026-06-02"])
  })

  it("moves back across 추석 2026 (Thu 24 – Sat 26) and the Sunday after it", () => {
    const drafts = right(FollowUp.schedule(d("2026-07-28"), FollowUp.threeMonthly, korea))
    expect(drafts[1]).toEqual({ sequence: 2, windowStart: "2026-08-28", windowEnd: "2026-09-27", dueOn: "2026-09-23" })
    expect(drafts.map((draft) => draft.dueOn)).toEqual(["2026-08-27", "2026-09-23", "2026-10-27"])
  })

  it("moves back across 설날 2026 (Mon 16 – Wed 18) and the weekend before it", () => {
    // window 1 is 01-18 … 02-17: 17, 16 설날, 15 Sunday, 14 Saturday → Friday 13
    expect(dues("2026-01-18")[0]).toBe("2026-02-13")
  })

  it("moves back from a Sunday to the Friday", () => {
    // window 1 is 10-23 … 11-22 (a Sunday)
    expect(dues("2026-10-23")[0]).toBe("2026-11-20")
    // window 1 is 02-02 … 03-01 (3ㆍ1절 on a Sunday)
    expect(dues("2026-02-02")[0]).toBe("2026-02-27")
  })

  it("follows an integrator's calendar: a district closure day and the seeds' year 2016", () => {
    const seongdong = right(BusinessCalendar.extend(korea, { name: "성동구청", holidays: { "2026-04-02": ["구청 휴무일"] } }))
    expect(dues("2026-03-03", FollowUp.threeMonthly, seongdong)).toEqual(["2026-04-01", "2026-04-30", "2026-06-02"])

    const y2016 = right(BusinessCalendar.make({
      name: "2016 공휴일",
      firstYear: 2016,
      lastYear: 2016,
      holidays: { "2016-02-08": ["설날"], "2016-02-09": ["설날 다음 날"], "2016-02-10": ["대체공휴일(설날)"], "2016-03-01": ["3ㆍ1절"] }
    }))
    // window 1 is 01-11 … 02-10: 10, 9, 8 설날, 7 Sunday, 6 Saturday → Friday 02-05
    expect(dues("2016-01-11", FollowUp.threeMonthly, y2016)).toEqual(["2016-02-05", "2016-03-10", "2016-04-08"])
  })

  it("marks due dates past the official list provisional, and fails with CalendarNotCovered outside 2018–2050", () => {
    // window 2 of a start in November 2027 ends in 2028, whose holidays are computed.
    const late = right(FollowUp.schedule(d("2027-11-15"), FollowUp.threeMonthly, korea))
    expect(late.map((draft) => [draft.dueOn, draft.provisional])).toEqual([
      ["2027-12-14", undefined],
      ["2028-01-14", true],
      ["2028-02-14", true]
    ])
    const early = left(FollowUp.schedule(d("2017-06-01"), FollowUp.threeMonthly, korea))
    expect(early._tag).toBe("CalendarNotCovered")
    expect(early.message).toMatch(/^2017-06-30 is outside the holiday calendar ".*", which covers 2018–2050/)
    // the 3-month rule fits, the 12-month one does not
    expect(Either.isRight(FollowUp.schedule(d("2050-03-02"), FollowUp.threeMonthly, korea))).toBe(true)
    expect(left(FollowUp.schedule(d("2050-03-02"), FollowUp.wioa12, korea)).message).toMatch(/^2051-01-01 is outside .* covers 2018–2050/)
  })

  it("fails with NoBusinessDayInWindow when a calendar closes a whole window", () => {
    const closures: Record<string, ReadonlyArray<string>> = {}
    for (let day = d("2026-03-03"); day <= "2026-04-02"; day = LocalDate.addDays(day, 1)) closures[day] = ["휴관"]
    const closed = right(BusinessCalendar.extend(korea, { name: "휴관", holidays: closures }))
    const error = left(FollowUp.schedule(d("2026-03-03"), FollowUp.threeMonthly, closed))
    expect(error._tag).toBe("NoBusinessDayInWindow")
    expect(error.message).toBe(
      "Follow-up window 1 (2026-03-03 to 2026-04-02) has no business day in the calendar \"휴관\", so no check can be due in it"
    )
  })
})

describe("schedule properties (random start dates in 2018–2026)", () => {
  const start = dateBetween("2018-01-01", "2026-12-31")
  const preset = fc.constantFrom(FollowUp.threeMonthly, FollowUp.wioa12)

  it("one check per window; every due date is a business day inside its window, the last one there", () => {
    fc.assert(fc.property(start, preset, (startDate, policy) => {
      const drafts = right(FollowUp.schedule(startDate, policy, korea))
      expect(drafts.map((draft) => draft.sequence)).toEqual(
        Array.from({ length: policy.months / policy.intervalMonths }, (_, i) => i + 1)
      )
      for (const draft of drafts) {
        expect(isBusinessDay(draft.dueOn)).toBe(true)
        expect(draft.dueOn >= draft.windowStart && draft.dueOn <= draft.windowEnd).toBe(true)
        expect(right(BusinessCalendar.businessDaysBetween(korea, draft.dueOn, draft.windowEnd))).toBe(0)
      }
    }), { numRuns: 300 })
  })

  it("windows tile the follow-up period without gaps or overlaps", () => {
    fc.assert(fc.property(start, preset, (startDate, policy) => {
      const drafts = right(FollowUp.schedule(startDate, policy, korea))
      expect(drafts[0]!.windowStart).toBe(startDate)
      drafts.slice(1).forEach((draft, i) => expect(draft.windowStart).toBe(LocalDate.addDays(drafts[i]!.windowEnd, 1)))
      for (const draft of drafts) expect(draft.windowEnd >= draft.windowStart).toBe(true)
      expect(drafts.at(-1)!.windowEnd).toBe(LegalPeriod.lastDay(startDate, { months: policy.months }))
    }), { numRuns: 300 })
  })

  it("every month of the follow-up period has a check (acceptance)", () => {
    fc.assert(fc.property(start, preset, (startDate, policy) => {
      const dueDates = right(FollowUp.schedule(startDate, policy, korea)).map((draft) => draft.dueOn)
      for (let month = 1; month <= policy.months; month++) {
        const from = month === 1 ? startDate : LocalDate.addDays(LegalPeriod.lastDay(startDate, { months: month - 1 }), 1)
        const to = LegalPeriod.lastDay(startDate, { months: month })
        expect(dueDates.filter((due) => due >= from && due <= to)).toHaveLength(1)
      }
    }), { numRuns: 300 })
  })

  it("any tiling policy a district configures keeps one business-day check per window", () => {
    const policy = fc.integer({ min: 1, max: 6 }).chain((interval) =>
      fc.integer({ min: 1, max: Math.floor(36 / interval) }).map((count) =>
        new FollowUp.Policy({ months: interval * count, intervalMonths: interval })
      )
    )
    fc.assert(fc.property(dateBetween("2018-01-01", "2024-12-31"), policy, (startDate, p) => {
      const drafts = right(FollowUp.schedule(startDate, p, korea))
      expect(drafts).toHaveLength(p.months / p.intervalMonths)
      for (const draft of drafts) {
        expect(isBusinessDay(draft.dueOn)).toBe(true)
        expect(draft.windowEnd).toBe(LegalPeriod.lastDay(startDate, { months: draft.sequence * p.intervalMonths }))
        expect(draft.dueOn >= draft.windowStart && draft.dueOn <= draft.windowEnd).toBe(true)
      }
    }), { numRuns: 200 })
  })
})

describe("schedules past the official holiday list (2028–2035, computed holidays)", () => {
  const computedYears = right(BusinessCalendar.computed({ firstYear: 2028, lastYear: 2036 }))

  it("every start date gets a schedule; no due date on a weekend or a computed holiday; all provisional", () => {
    fc.assert(fc.property(dateBetween("2028-01-01", "2035-12-31"), fc.constantFrom(FollowUp.threeMonthly, FollowUp.wioa12), (startDate, policy) => {
      const drafts = right(FollowUp.schedule(startDate, policy, korea))
      expect(drafts).toHaveLength(policy.months / policy.intervalMonths)
      for (const draft of drafts) {
        const weekday = LocalDate.dayOfWeek(draft.dueOn)
        expect(weekday !== 0 && weekday !== 6).toBe(true)
        expect(computedYears.holidays[draft.dueOn]).toBeUndefined()
        expect(draft.provisional).toBe(true)
        expect(draft.dueOn >= draft.windowStart && draft.dueOn <= draft.windowEnd).toBe(true)
      }
    }), { numRuns: 500 })
  })

  it("moves back across 추석 2028 and its substitute day for 개천절", () => {
    // window 1 of a start on 09-06 ends on 10-05 (대체공휴일), 10-04 … 10-02 추석, 10-01 Sunday, 09-30 Saturday → 09-29
    expect(dues("2028-09-06")[0]).toBe("2028-09-29")
  })

  it("the ledger counts open checks whose due date is provisional", () => {
    const checks = right(FollowUp.schedule(d("2027-11-15"), FollowUp.threeMonthly, korea)).map((draft) => toCheck(draft))
    expect(FollowUp.ledger(checks, d("2027-12-01")).provisional).toBe(2)
    const doneOne = right(FollowUp.record(checks[1]!, { doneOn: d("2028-01-10"), channel: "phone", outcome: "working" })).check
    expect(FollowUp.ledger([checks[0]!, doneOne, checks[2]!], d("2028-01-11")).provisional).toBe(1)
    expect(FollowUp.ledger(checksFor("2026-07-28"), d("2026-08-01")).provisional).toBe(0)
  })
})

describe("recording a check", () => {
  // Built per test, so a broken schedule fails the tests rather than the file.
  const first = () => checksFor("2026-07-28")[0]! // window 07-28 … 08-27, due 08-27
  const second = () => checksFor("2026-07-28")[1]! // window 08-28 … 09-27, due 09-23

  it("stores the result; working does not open re-employment support", () => {
    const recorded = right(FollowUp.record(first(), { doneOn: d("2026-08-25"), channel: "phone", outcome: "working" }))
    expect(recorded.reemploymentSupport).toBe(false)
    expect(recorded.check.doneOn).toBe("2026-08-25")
    expect(recorded.check.channel).toBe("phone")
    expect(recorded.check.outcome).toBe("working")
    expect(recorded.check.dueOn).toBe(first().dueOn)
    expect(FollowUp.isDone(recorded.check)).toBe(true)
    expect(FollowUp.isDone(first())).toBe(false)
  })

  it("quit opens re-employment support and keeps the notes", () => {
    const recorded = right(FollowUp.record(second(), {
      doneOn: d("2026-09-01"),
      channel: "visit",
      outcome: "quit",
      notes: "9월 첫 주 퇴사, 재취업 상담 희망"
    }))
    expect(recorded.reemploymentSupport).toBe(true)
    expect(recorded.check.notes).toBe("9월 첫 주 퇴사, 재취업 상담 희망")
    expect(FollowUp.outcomeLabel("quit")).toBe("퇴사 (재취업 지원)")
    expect(FollowUp.channelLabel("visit", "en")).toBe("Visit to the center")
  })

  it("refuses to record twice", () => {
    const once = right(FollowUp.record(first(), { doneOn: d("2026-08-25"), channel: "phone", outcome: "working" })).check
    const error = left(FollowUp.record(once, { doneOn: d("2026-08-26"), channel: "sms", outcome: "difficulties" }))
    expect(error._tag).toBe("FollowUpAlreadyRecorded")
    expect(error.message).toBe("Follow-up check fu-1-1 was already recorded as done on 2026-08-25")
  })

  it("refuses a date before the window opens, and accepts a late one", () => {
    const error = left(FollowUp.record(second(), { doneOn: d("2026-08-27"), channel: "phone", outcome: "working" }))
    expect(error._tag).toBe("FollowUpBeforeWindow")
    expect(error.message).toBe("Follow-up check fu-1-2 cannot be done on 2026-08-27, before its window opens on 2026-08-28")
    expect(right(FollowUp.record(second(), { doneOn: d("2026-08-28"), channel: "phone", outcome: "working" })).check.doneOn)
      .toBe("2026-08-28")
    expect(right(FollowUp.record(second(), { doneOn: d("2026-10-05"), channel: "phone", outcome: "working" })).check.doneOn)
      .toBe("2026-10-05")
  })

  it("decodes a counselor's form and refuses an unknown outcome with the accepted ones", () => {
    expect(right(FollowUp.decodeResult({ doneOn: "2026-09-01", channel: "phone", outcome: "working" })).outcome).toBe("working")
    expect(left(FollowUp.decodeResult({ doneOn: "2026-09-01", channel: "phone", outcome: "fired" })).message).toBe(
      "Invalid FollowUpResult: outcome: must be one of working (Working), difficulties (Having difficulties adapting), " +
        "quit (Quit (re-employment support)); got \"fired\""
    )
  })

  it("a stored check keeps its done fields together and its dates in order", () => {
    const encoded = Schema.encodeSync(FollowUp.Check)(first())
    expect(right(FollowUp.decodeCheck(encoded))).toEqual(first())
    const paths = (input: object) => left(FollowUp.decodeCheck({ ...encoded, ...input })).issues.map((i) => i.path)
    expect(paths({ doneOn: "2026-08-20" })).toEqual(["channel", "outcome"])
    expect(paths({ outcome: "working" })).toEqual(["outcome"])
    expect(paths({ doneOn: "2026-07-01", channel: "phone", outcome: "working" })).toEqual(["doneOn"])
    expect(paths({ dueOn: "2026-09-01" })).toEqual(["dueOn"])
  })
})

describe("the ledger (취업자 사후관리대장)", () => {
  const done = (check: FollowUp.Check, doneOn: string) =>
    right(FollowUp.record(check, { doneOn: d(doneOn), channel: "phone", outcome: "working" })).check

  it("lists due today, overdue, upcoming and done, and the on-time rate", () => {
    const a = checksFor("2026-07-28", 1) // due 08-27, 09-23, 10-27
    const b = checksFor("2026-08-24", 2) // due 09-23, 10-23, 11-23
    const c = checksFor("2026-06-01", 3) // due 06-30, 07-31, 08-31
    const checks = [
      done(a[0]!, "2026-08-27"), // on time
      a[1]!, // due today
      a[2]!, // upcoming
      done(b[0]!, "2026-09-10"), // on time (early)
      b[1]!,
      b[2]!,
      done(c[0]!, "2026-07-02"), // late
      c[1]!, // overdue
      c[2]! // overdue
    ]
    const ledger = FollowUp.ledger(checks, d("2026-09-23"))
    expect(ledger.dueToday.map((check) => check.id)).toEqual(["fu-1-2"])
    expect(ledger.overdue.map((check) => check.id)).toEqual(["fu-3-2", "fu-3-3"])
    expect(ledger.upcoming.map((check) => check.id)).toEqual(["fu-2-2", "fu-1-3", "fu-2-3"])
    expect(ledger.done.map((check) => check.id)).toEqual(["fu-3-1", "fu-1-1", "fu-2-1"])
    expect([ledger.onTime, ledger.late]).toEqual([2, 1])
    // 2 on time of 5 settled (3 done + 2 overdue); the one due today is not counted yet
    expect(ledger.onTimeRate).toBe(2 / 5)
  })

  it("has no on-time rate when nothing is settled, rather than 0 or 1", () => {
    expect(FollowUp.ledger([], d("2026-09-23")).onTimeRate).toBeUndefined()
    const fresh = checksFor("2026-08-24")
    const ledger = FollowUp.ledger(fresh, d("2026-09-23"))
    expect(ledger.dueToday).toHaveLength(1)
    expect(ledger.upcoming).toHaveLength(2)
    expect(ledger.onTimeRate).toBeUndefined()
    // the day after, the missed check is overdue: 0 of 1
    expect(FollowUp.ledger(fresh, d("2026-09-24")).onTimeRate).toBe(0)
    // done on its due date: 1 of 1
    expect(FollowUp.ledger([done(fresh[0]!, "2026-09-23"), fresh[1]!, fresh[2]!], d("2026-09-24")).onTimeRate).toBe(1)
  })

  it("puts every check in exactly one list, and the rate in [0, 1]", () => {
    const placement = fc.record({
      start: dateBetween("2018-01-01", "2026-06-30"),
      policy: fc.constantFrom(FollowUp.threeMonthly, FollowUp.wioa12),
      // per check: not done, or done this many days after its window start
      offsets: fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), { minLength: 12, maxLength: 12 })
    })
    const input = fc.tuple(fc.array(placement, { maxLength: 6 }), dateBetween("2018-01-01", "2027-12-31"))
    fc.assert(fc.property(input, ([placements, today]) => {
      const checks = placements.flatMap(({ offsets, policy, start }, p) =>
        checksFor(start, p, policy).map((check, i) => {
          const offset = offsets[i]
          return offset === undefined ? check : done(check, LocalDate.addDays(check.windowStart, offset))
        })
      )
      const ledger = FollowUp.ledger(checks, today)
      const lists = [ledger.dueToday, ledger.overdue, ledger.upcoming, ledger.done]
      const ids = lists.flat().map((check) => check.id)
      expect(ids.slice().sort()).toEqual(checks.map((check) => check.id).sort())
      expect(new Set(ids).size).toBe(ids.length)
      for (const check of ledger.dueToday) expect(check.dueOn === today && !FollowUp.isDone(check)).toBe(true)
      for (const check of ledger.overdue) expect(check.dueOn < today && !FollowUp.isDone(check)).toBe(true)
      for (const check of ledger.upcoming) expect(check.dueOn > today && !FollowUp.isDone(check)).toBe(true)
      for (const check of ledger.done) expect(FollowUp.isDone(check)).toBe(true)
      for (const list of lists) {
        list.slice(1).forEach((check, i) => expect(check.dueOn >= list[i]!.dueOn).toBe(true))
      }
      expect(ledger.onTime + ledger.late).toBe(ledger.done.length)
      expect(ledger.onTime).toBe(ledger.done.filter((check) => check.doneOn! <= check.dueOn).length)
      const settled = ledger.done.length + ledger.overdue.length
      if (settled === 0) expect(ledger.onTimeRate).toBeUndefined()
      else {
        expect(ledger.onTimeRate).toBe(ledger.onTime / settled)
        expect(ledger.onTimeRate).toBeGreaterThanOrEqual(0)
        expect(ledger.onTimeRate).toBeLessThanOrEqual(1)
      }
    }), { numRuns: 200 })
  })
})

describe("after a quit", () => {
  it("cancels the same placement's later open checks, and only those", () => {
    const [first, second, third] = checksFor("2026-03-09", 1)
    const otherPlacement = checksFor("2026-03-09", 2)
    const quit = right(FollowUp.record(first!, { doneOn: d("2026-04-01"), channel: "phone", outcome: "quit" })).check
    const cancelled = FollowUp.cancelAfterQuit(quit, [quit, second!, third!, ...otherPlacement], d("2026-04-01"))
    expect(cancelled.map((c) => [c.placementId, c.sequence, c.cancelledOn])).toEqual([
      [second!.placementId, 2, "2026-04-01"],
      [third!.placementId, 3, "2026-04-01"]
    ])
    const ledger = FollowUp.ledger([quit, ...cancelled], d("2026-07-01"))
    expect([ledger.overdue.length, ledger.cancelled.length, ledger.onTimeRate]).toEqual([0, 2, 1])
    expect(left(FollowUp.record(cancelled[0]!, { doneOn: d("2026-05-01"), channel: "phone", outcome: "working" }))._tag)
      .toBe("FollowUpCancelled")
  })

  it("refuses a check that is both done and cancelled", () => {
    const done = right(FollowUp.record(checksFor("2026-03-09")[0]!, { doneOn: d("2026-04-01"), channel: "phone", outcome: "working" }))
      .check
    const both = FollowUp.decodeCheck({ ...Schema.encodeSync(FollowUp.Check)(done), cancelledOn: "2026-04-02" })
    expect(Either.isLeft(both) && both.left.issues.map((i) => [i.path, i.message])).toEqual([
      ["cancelledOn", "must be absent on a check that was done"]
    ])
  })
})
