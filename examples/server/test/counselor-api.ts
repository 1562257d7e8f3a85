/**
 * The API a counselor's app is built on, through the real HTTP server on
 * each SQL backend: seeker search by name, 초성 and phone tail, the lists of
 * referrals and placements with their filters, one referral or placement by
 * id, the ledger as a call list, and every list paged by cursor — the
 * access log too, within a period. Each backend runs from its own test file
 * (two servers built in one file would share their storage).
 */
import { HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { call } from "./access.js"
import { as, clientFor, loginOf, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput
const district = "11200" as Ids.DistrictId

// Every page of a paged list, following nextCursor to the end.
const everyPage = <A, E, R>(
  page: (cursor: string | undefined) => Effect.Effect<{ readonly items: ReadonlyArray<A>; readonly nextCursor: string | null }, E, R>
) =>
  Effect.gen(function*() {
    const pages: Array<ReadonlyArray<A>> = []
    let cursor: string | undefined = undefined
    for (let i = 0; i < 100; i++) {
      const found: { readonly items: ReadonlyArray<A>; readonly nextCursor: string | null } = yield* page(cursor)
      pages.push(found.items)
      if (found.nextCursor === null) return pages
      cursor = found.nextCursor
    }
    return yield* Effect.dieMessage("the cursor never came to an end")
  })

// A GET as a signed-in staff member: the status and the JSON answer.
const getAs = (login: string, url: string) =>
  Effect.gen(function*() {
    const answer = yield* call(HttpClientRequest.get(url).pipe(yield* as(login)))
    return { status: answer.status, json: JSON.parse(answer.text) as Record<string, any> }
  })

export const counselorApiSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`the counselor's API on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("a counselor's day with the API alone: search, referrals, placements, the call list, every list paged", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const kimLogin = loginOf("counselor-01")
          const kim = yield* clientFor(kimLogin)
          const lee = yield* clientFor(loginOf("counselor-02"))
          const log = yield* Audit.AuditLog

          const register = (client: typeof kim, name: string, phone: string) =>
            Effect.map(client.seekers.register({ payload: { ...seekerForm, name, contact: { phone } } }), (s) => s.value)
          const hong = yield* register(kim, "홍길동", "010-4321-8765")
          const hongsun = yield* register(kim, "홍길순", "010-2222-8765")
          const kimgildong = yield* register(kim, "김길동", "010-3333-1111")
          const others = yield* Effect.forEach(["가나다", "나나다", "다나다"], (n, i) => register(lee, n, `010-5555-100${i}`))

          // --- Search: 홍길동 by 초성 and by the phone's last four digits (acceptance).
          const byInitials = yield* kim.seekers.search({ urlParams: { name: "ㅎㄱㄷ" as never } })
          expect(byInitials.items.map((s) => s.value.id)).toEqual([hong.id])
          expect(byInitials).toMatchObject({ total: 1, nextCursor: null })
          expect(byInitials.items[0]!.version).toBe(1)
          const byPhone = yield* kim.seekers.search({ urlParams: { phoneTail: "8765" as never } })
          expect(byPhone.items.map((s) => s.value.name)).toEqual(["홍길동", "홍길순"])
          expect((yield* kim.seekers.search({ urlParams: { name: "ㅎㄱㄷ" as never, phoneTail: "8765" as never } })).items.map((s) => s.value.id)).toEqual([hong.id])
          expect((yield* kim.seekers.search({ urlParams: { name: "길동" as never } })).items.map((s) => s.value.name)).toEqual(["김길동", "홍길동"])
          const mine = yield* kim.seekers.search({ urlParams: { counselorId: "counselor-01" as Ids.CounselorId, status: "registered" } })
          expect(mine.items.map((s) => s.value.id).sort()).toEqual([hong.id, hongsun.id, kimgildong.id].sort())
          const newest = yield* kim.seekers.search({ urlParams: { sort: "registeredAt", order: "desc", limit: 1 } })
          expect(newest.items.map((s) => s.value.id)).toEqual([others[2]!.id])
          // Each seeker a search shows is logged as read (five searches showed 홍길동); the search terms are not.
          const searched = (yield* log.list(district, { subjectId: hong.id })).filter((e) => e.purpose === "seeker.search")
          expect(searched.length).toBe(5)
          expect(searched.every((e) => e.actor === "counselor-01" && e.action === "read")).toBe(true)
          expect(JSON.stringify(yield* log.list(district))).not.toContain("ㅎㄱㄷ")

          // Paged by cursor: each seeker once, in order, whatever the page size.
          for (const limit of [1, 2, 4]) {
            const pages = yield* everyPage((cursor) =>
              kim.seekers.search({ urlParams: { limit, ...(cursor === undefined ? {} : { cursor }) } })
            )
            const names = pages.flat().map((s) => s.value.name)
            expect(names).toEqual(["김길동", "가나다", "나나다", "다나다", "홍길동", "홍길순"].sort())
            expect(pages.length).toBe(Math.ceil(6 / limit))
          }
          // The cursor is opaque and carries no name.
          const first = yield* getAs(kimLogin, "/seekers/search?limit=1")
          expect(first.status).toBe(200)
          expect(typeof first.json["nextCursor"]).toBe("string")
          expect(Buffer.from(first.json["nextCursor"], "base64url").toString()).not.toContain(first.json["items"][0].value.name)
          const second = yield* getAs(kimLogin, `/seekers/search?limit=1&cursor=${first.json["nextCursor"]}`)
          expect(second.json["items"][0].value.id).not.toBe(first.json["items"][0].value.id)

          // A malformed cursor, or a limit over 100, is a 400 in the one error shape naming the parameter.
          for (const cursor of ["not a cursor", "bm9wZQ", "%E2%9C%93"]) {
            const refused = yield* getAs(kimLogin, `/seekers/search?cursor=${cursor}`)
            expect(refused.status, cursor).toBe(400)
            expect(refused.json).toMatchObject({ _tag: "ValidationError", field: "cursor" })
            expect(refused.json["messageKo"]).toContain("nextCursor")
          }
          for (const url of ["/referrals?cursor=x!", "/placements?cursor=%20", "/audit?cursor=abc"]) {
            const refused = yield* getAs(url.startsWith("/audit") ? staffLogin("manager") : kimLogin, url)
            expect(refused.status, url).toBe(400)
            expect(refused.json, url).toMatchObject({ _tag: "ValidationError", field: "cursor" })
          }
          const tooMany = yield* getAs(kimLogin, "/seekers/search?limit=101")
          expect(tooMany).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "limit" } })
          const badTail = yield* getAs(kimLogin, "/seekers/search?phoneTail=87")
          expect(badTail).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "phoneTail" } })
          // The older list still answers a bare array.
          expect(Array.isArray((yield* getAs(kimLogin, "/seekers?limit=2")).json)).toBe(true)

          // --- Referrals: mine, newest first, paged; one by id.
          const employer = yield* kim.employers.registerEmployer({ payload: employerForm })
          const opening = yield* kim.employers.registerOpening({
            payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" }
          })
          // Employers and openings found by 초성 and paged by cursor, too.
          const cafe = yield* kim.employers.registerEmployer({ payload: { ...employerForm, name: "성수카페", businessNumber: "220-81-62517" } })
          const byEmployerInitials = yield* kim.employers.searchEmployers({ urlParams: { name: "ㅅㅅㄷㅈㅌ" as never } })
          expect(byEmployerInitials).toMatchObject({ total: 1, nextCursor: null })
          expect(byEmployerInitials.items.map((e) => e.value.id)).toEqual([employer.value.id])
          const employerPages = yield* everyPage((cursor) =>
            kim.employers.searchEmployers({ urlParams: { name: "성수" as never, limit: 1, ...(cursor === undefined ? {} : { cursor }) } })
          )
          expect(employerPages.flat().map((e) => e.value.name)).toEqual(["성수디지털(주)", "성수카페"])
          expect((yield* log.list(district, { subjectId: cafe.value.id })).map((e) => e.purpose)).toContain("employer.search")
          const byTitle = yield* kim.employers.searchOpenings({ urlParams: { title: "ㅇㄷㅈㅇㄴ" as never, status: "open" } })
          expect(byTitle.items.map((o) => o.value.id)).toEqual([opening.value.id])
          expect((yield* kim.employers.searchOpenings({ urlParams: { employerId: cafe.value.id } })).total).toBe(0)
          expect(yield* getAs(kimLogin, "/openings/search?status=gone")).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "status" } })
          const propose = (client: typeof kim, seekerId: Ids.SeekerId) =>
            client.cases.propose({ payload: { seekerId, openingId: opening.value.id } })
          const referrals = [
            yield* propose(kim, hong.id),
            yield* propose(kim, hongsun.id),
            yield* propose(kim, kimgildong.id),
            yield* propose(lee, others[0]!.id)
          ]
          const myReferrals = yield* everyPage((cursor) =>
            kim.cases.listReferrals({
              urlParams: { counselorId: "counselor-01" as Ids.CounselorId, limit: 2, ...(cursor === undefined ? {} : { cursor }) }
            })
          )
          expect(myReferrals.length).toBe(2)
          // Proposed the same day: newest first by id, descending.
          expect(myReferrals.flat().map((r) => r.value.id)).toEqual(referrals.slice(0, 3).map((r) => r.value.id).sort().reverse())
          const firstPage = yield* kim.cases.listReferrals({ urlParams: { counselorId: "counselor-01" as Ids.CounselorId, limit: 2 } })
          expect(firstPage.total).toBe(3)
          const hongsReferral = yield* kim.cases.getReferral({ path: { id: referrals[0]!.value.id } })
          expect(hongsReferral).toEqual(referrals[0])
          const unknown = yield* getAs(kimLogin, "/referrals/referral-9999")
          expect(unknown).toMatchObject({ status: 404, json: { _tag: "NotFound" } })
          expect((yield* kim.cases.listReferrals({ urlParams: { seekerId: others[0]!.id } })).items.map((r) => r.value.counselorId)).toEqual([
            "counselor-02"
          ])
          expect((yield* log.list(district, { subjectId: hong.id })).map((e) => e.purpose)).toEqual(
            expect.arrayContaining(["referral.list", "referral.view"])
          )

          // --- Placements: hong through the referral, hongsun found alone; mine, paged; one by id.
          let version = referrals[0]!.version
          for (const to of ["sent", "interviewing", "hired"] as const) {
            version = (yield* kim.cases.move({ path: { id: referrals[0]!.value.id }, payload: { to, version } })).version
          }
          const placed = yield* kim.cases.place({
            payload: { seekerId: hong.id, referralId: referrals[0]!.value.id, startOn: "2026-03-09", contractType: "open-ended", schedule: "full-time" }
          })
          yield* kim.cases.place({
            payload: { seekerId: hongsun.id, employerId: employer.value.id, startOn: "2026-03-06", contractType: "fixed-term", schedule: "part-time" }
          })
          const myPlacements = yield* everyPage((cursor) =>
            kim.cases.listPlacements({
              urlParams: { counselorId: "counselor-01" as Ids.CounselorId, limit: 1, ...(cursor === undefined ? {} : { cursor }) }
            })
          )
          expect(myPlacements.flat().map((p) => p.value.seekerId)).toEqual([hong.id, hongsun.id])
          const inMarch = yield* kim.cases.listPlacements({ urlParams: { startedFrom: "2026-03-07" as never, startedTo: "2026-03-31" as never } })
          expect(inMarch.items.map((p) => p.value.seekerId)).toEqual([hong.id])
          const backwards = yield* getAs(kimLogin, "/placements?startedFrom=2026-03-31&startedTo=2026-03-01")
          expect(backwards).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "startedTo" } })
          expect(yield* kim.cases.getPlacement({ path: { id: placed.placement.value.id } })).toEqual(placed.placement)
          expect((yield* log.list(district, { subjectId: hong.id })).map((e) => e.purpose)).toEqual(
            expect.arrayContaining(["placement.list", "placement.view"])
          )

          // --- The ledger as a call list: everyone due today, phoned from the ledger alone.
          const ahead = yield* kim.cases.ledger({ urlParams: {} })
          const firstCall = ahead.upcoming.find((item) => item.value.seekerId === hong.id)!
          yield* TestClock.setTime(Date.parse(`${firstCall.value.dueOn}T01:00:00Z`))
          // A month on, the counselor signs in again.
          const later = yield* clientFor(kimLogin)
          const before = (yield* log.list(district)).length
          const today = yield* later.cases.ledger({ urlParams: {} })
          expect(today.dueToday.length).toBeGreaterThan(0)
          for (const item of today.dueToday) {
            const person = [hong, hongsun].find((s) => s.id === item.value.seekerId)!
            expect(item.seeker).toEqual({ id: person.id, name: person.name, phone: person.contact.phone, version: expect.any(Number) })
          }
          expect(today.dueToday.map((item) => item.seeker?.name)).toContain("홍길동")
          // Each seeker of the ledger is logged once, in the statement that reads the ledger.
          const ledgerReads = (yield* log.list(district)).slice(before).filter((e) => e.purpose === "followUp.ledger")
          expect(ledgerReads.map((e) => e.subjectId).sort()).toEqual([hong.id, hongsun.id].sort())
          // The version on the item records the call.
          const call0 = today.dueToday[0]!
          const recorded = yield* later.cases.recordFollowUp({
            path: { id: call0.value.id },
            payload: { version: call0.version, doneOn: call0.value.dueOn, channel: "phone", outcome: "working" }
          })
          expect(recorded.check.version).toBe(call0.version + 1)

          // --- One group of the ledger a page at a time, in due order: only the seekers a page shows are read and logged.
          const upcoming = [...(yield* later.cases.ledger({ urlParams: {} })).upcoming]
            .sort((a, b) => (a.value.dueOn < b.value.dueOn ? -1 : a.value.dueOn > b.value.dueOn ? 1 : a.value.id < b.value.id ? -1 : 1))
          expect(upcoming.length).toBeGreaterThan(2)
          const beforePage = (yield* log.list(district)).length
          const onePage = yield* later.cases.calls({ urlParams: { group: "upcoming", limit: 1 } })
          expect(onePage.total).toBe(upcoming.length)
          expect(onePage.items).toEqual([upcoming[0]])
          const pageReads = (yield* log.list(district)).slice(beforePage).filter((e) => e.purpose === "followUp.ledger")
          expect(pageReads.map((e) => e.subjectId)).toEqual([upcoming[0]!.value.seekerId])
          for (const limit of [1, 2, 100]) {
            const calls = yield* everyPage((cursor) =>
              later.cases.calls({ urlParams: { group: "upcoming", limit, ...(cursor === undefined ? {} : { cursor }) } })
            )
            expect(calls.flat()).toEqual(upcoming)
          }
          expect((yield* later.cases.calls({ urlParams: { group: "done" } })).items.map((item) => item.value.id)).toEqual([call0.value.id])
          expect(yield* getAs(kimLogin, "/follow-ups?group=later")).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "group" } })
          expect((yield* getAs(kimLogin, "/follow-ups?group=overdue&counselorId=counselor-02")).status).toBe(403)

          // --- The access log: paged by cursor, each entry once, within a period.
          const manager = yield* clientFor(staffLogin("manager"))
          const written = yield* log.list(district)
          const pages = yield* everyPage((cursor) => manager.review.audit({ urlParams: { limit: 50, ...(cursor === undefined ? {} : { cursor }) } }))
          const seen = pages.flat().map((e) => e.id)
          expect(new Set(seen).size).toBe(seen.length)
          // Reading the log writes to it; the pages still hold everything written before, in order.
          expect(seen.slice(0, written.length)).toEqual(written.map((e) => e.id))
          expect(pages.every((page) => page.length <= 50)).toBe(true)
          const ninth = yield* manager.review.audit({ urlParams: { from: "2026-03-09" as never, to: "2026-03-09" as never, limit: 100 } })
          expect(ninth.items.length).toBeGreaterThan(0)
          // The 9th in Korea: from 2026-03-08T15:00Z to 2026-03-09T15:00Z.
          expect(ninth.items.every((e) => e.at.epochMillis >= Date.parse("2026-03-08T15:00:00Z") && e.at.epochMillis < Date.parse("2026-03-09T15:00:00Z")))
            .toBe(true)
          const sinceTenth = yield* manager.review.audit({ urlParams: { from: "2026-03-10" as never } })
          expect(sinceTenth.items.every((e) => e.at.epochMillis >= Date.parse("2026-03-09T15:00:00Z"))).toBe(true)
          expect(sinceTenth.items.length).toBeGreaterThan(0)
          const none = yield* manager.review.audit({ urlParams: { from: "2026-01-01" as never, to: "2026-01-31" as never } })
          expect(none).toEqual({ items: [], nextCursor: null })
          const reversed = yield* getAs(staffLogin("manager"), "/audit?from=2026-03-09&to=2026-03-01")
          expect(reversed).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "to" } })
          expect(reversed.json["messageKo"]).toMatch(/[가-힣]/)
          expect((yield* getAs(kimLogin, "/audit")).status).toBe(403)
        }))

      it.effect("a placement whose follow-ups fall past the official holiday list is scheduled, its due dates marked provisional", () =>
        Effect.gen(function*() {
          // A year on from the last official list's October: the third check would have failed with CalendarNotCovered.
          yield* TestClock.setTime(Date.parse("2027-11-01T01:00:00Z"))
          const parkLogin = loginOf("counselor-02")
          const park = yield* clientFor(parkLogin)
          const seeker = (yield* park.seekers.register({ payload: { ...seekerForm, name: "박새봄", contact: { phone: "010-7777-2028" } } })).value
          const employer = yield* park.employers.registerEmployer({ payload: { ...employerForm, name: "새봄공방", businessNumber: "211-87-01236" } })
          yield* park.cases.place({
            payload: { seekerId: seeker.id, employerId: employer.value.id, startOn: "2027-11-15", contractType: "open-ended", schedule: "full-time" }
          })
          const ledger = yield* park.cases.ledger({ urlParams: {} })
          const hers = ledger.upcoming.filter((item) => item.value.seekerId === seeker.id).map((item) => item.value)
          // Windows end 2027-12-14, 2028-01-14 and 2028-02-14; only 2028 rests on computed holidays.
          expect(hers.map((check) => [check.dueOn, check.provisional ?? false])).toEqual([
            ["2027-12-14", false],
            ["2028-01-14", true],
            ["2028-02-14", true]
          ])
          expect(ledger.provisional).toBe(2)
          // The call list, a page at a time, carries the same marks.
          const page = yield* getAs(parkLogin, "/follow-ups?group=upcoming")
          expect(page.json["items"].filter((item: any) => item.value.seekerId === seeker.id).map((item: any) => item.value.provisional ?? false))
            .toEqual([false, true, true])
        }))
    })
  })
