/**
 * A counselor's day through a client generated from the server's OpenAPI
 * document — `openapi-fetch` typed by `api.ts` (openapi-typescript), as an
 * integrator in another language or stack would reach the server — against
 * the real server over an SQLite file with the demo district: find a seeker
 * in the caseload, register a newcomer (a wrong phone number first), read
 * their explained matches, refer them, move the referral to hired, record
 * the placement, find the follow-up calls in the ledger and record the first
 * with the version read, then read it all back; then the rest of the day
 * with the API alone: find 홍길동 by ㅎㄱㄷ and by the phone's last four
 * digits, list the counselor's referrals and placements page by page with
 * the cursor, and phone everyone due from the ledger, which names them. The writes a server must
 * refuse are refused in the one error shape.
 *
 * Everything is typed by the document alone: eslint.config.js forbids casts,
 * `any`, non-null assertions and `@ts-` comments in this folder, so a gap in
 * the document fails the type check or the lint instead of being papered
 * over.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { type RunningServer, startServer } from "../web/browser.js"
import type { components } from "./api.js"
import { anonymous, type ApiClient, find, first, koreanDate, ok, signIn } from "./client.js"

type SeekerForm = components["schemas"]["SeekerForm"]

const counselor = find(demoAccounts, "demo counselor of Seongdong", (a) => a.login === "seongdong-counselor-01")

const today = koreanDate()

const newcomer: SeekerForm = {
  name: "도하늘",
  contact: { phone: "010-5555-0177", email: "haneul.do@example.kr" },
  birthDate: "1968-09-21",
  gender: "female",
  addressRegion: "11200",
  desiredOccupations: ["5611", "5410"],
  desiredRegions: ["11200", "11215"],
  education: "03",
  careerMonths: 120,
  certificates: [],
  desiredWage: { type: "monthly", amount: 2_200_000 },
  desiredEmployment: { contractTypes: ["open-ended", "fixed-term"], schedules: ["full-time", "part-time"] },
  targetGroups: ["middle-aged"],
  consents: [
    { purpose: "personal-data", givenAt: new Date().toISOString() },
    { purpose: "service", channel: "sms", givenAt: new Date().toISOString() }
  ],
  registrationChannel: "visit",
  notes: "청소·시설관리 희망, 오전 근무 선호"
}

describe("a counselor's day through the client generated from the OpenAPI document", () => {
  let server: RunningServer
  let client: ApiClient

  beforeAll(async () => {
    server = await startServer()
    client = await signIn(server.base, counselor.login)
  })
  afterAll(async () => {
    await server?.close()
  })

  // What the day carries from one step to the next.
  let seekerId = ""
  let openingId = ""
  let referralId = ""
  let placementId = ""

  it("refuses a request without a session, in the error shape", async () => {
    const { error, response } = await anonymous(server.base).GET("/seekers", { params: { query: { limit: 1 } } })
    expect(response.status).toBe(401)
    expect(error).toMatchObject({ _tag: "Unauthorized" })
    expect(error?.messageKo).toMatch(/[가-힣]/)
  })

  it("finds a seeker of the caseload and opens their record", async () => {
    const caseload = ok(await client.GET("/caseload", { params: { query: { limit: 20 } } }))
    expect(caseload.length).toBeGreaterThan(0)
    expect(caseload.every((s) => s.value.counselorId === counselor.id)).toBe(true)
    const someone = first(caseload, "seeker in the caseload")
    const record = ok(await client.GET("/seekers/{id}", { params: { path: { id: someone.value.id } } }))
    expect(record.value).toMatchObject({ id: someone.value.id, name: someone.value.name, districtId: counselor.districtId })
    expect(record.version).toBeGreaterThanOrEqual(1)
  })

  it("refuses a registration with a wrong phone number, naming the field", async () => {
    const { data, error, response } = await client.POST("/seekers", {
      body: { ...newcomer, contact: { phone: "010-12" } }
    })
    expect(data).toBeUndefined()
    expect(response.status).toBe(400)
    expect(error).toMatchObject({ _tag: "ValidationError", field: "contact.phone" })
    // Every field at fault, each with its rule in English and in Korean: here the phone only.
    const issues = error?.issues ?? []
    expect(issues.map((i) => i.field)).toEqual(["contact.phone"])
    expect(first(issues, "issue").messageKo).toContain("전화번호")
  })

  it("registers the newcomer, who joins the counselor's caseload", async () => {
    const registered = ok(await client.POST("/seekers", { body: newcomer }))
    expect(registered.version).toBe(1)
    expect(registered.value).toMatchObject({
      name: newcomer.name,
      districtId: counselor.districtId,
      counselorId: counselor.id,
      contact: newcomer.contact
    })
    seekerId = registered.value.id
    const read = ok(await client.GET("/seekers/{id}", { params: { path: { id: seekerId } } }))
    expect(read).toEqual(registered)
  })

  it("reads the newcomer's matches, each explained, best first", async () => {
    const answer = ok(await client.GET("/seekers/{id}/matches", { params: { path: { id: seekerId }, query: { k: 5, lang: "ko" } } }))
    expect(answer.seekerId).toBe(seekerId)
    expect(answer.matches.length).toBeGreaterThan(0)
    const totals = answer.matches.map((m) => m.match.total)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
    for (const { match, opening } of answer.matches) {
      expect(opening.status).toBe("open")
      expect(match.explanation[0]).toMatch(/^적합도 [\d.]+점 \/ 100$/)
      expect(match.parts.map((p) => p.criterion)).toContain("occupation")
    }
    openingId = first(answer.matches.filter((m) => m.match.eligible), "eligible match").opening.id
  })

  it("refers the newcomer to the best opening and moves the referral to hired", async () => {
    const proposed = ok(await client.POST("/referrals", { body: { seekerId, openingId } }))
    expect(proposed.value).toMatchObject({ seekerId, openingId, status: "proposed" })
    referralId = proposed.value.id
    const move = (to: components["schemas"]["ReferralStatus"], version: number) =>
      client.POST("/referrals/{id}/status", { params: { path: { id: referralId } }, body: { to, version } })
    const sent = ok(await move("sent", proposed.version))
    expect(sent).toMatchObject({ value: { status: "sent" }, version: proposed.version + 1 })

    // A move from the version read before the last one: someone else has moved the referral on.
    const stale = await move("withdrawn", proposed.version)
    expect(stale.response.status).toBe(409)
    expect(stale.error).toMatchObject({ _tag: "StaleVersion", field: "version" })
    expect(stale.error?.messageKo).toMatch(/[가-힣]/)

    const interviewing = ok(await move("interviewing", sent.version))
    const hired = ok(await move("hired", interviewing.version))
    expect(hired).toMatchObject({ value: { status: "hired" }, version: sent.version + 2 })

    // A hired referral is final.
    const withdrawn = await move("withdrawn", hired.version)
    expect(withdrawn.response.status).toBe(409)
    expect(withdrawn.error).toMatchObject({ _tag: "InvalidTransition", from: "hired", to: "withdrawn" })
  })

  it("records the placement, with its three follow-up calls a month apart", async () => {
    const placed = ok(await client.POST("/placements", {
      body: { seekerId, referralId, startOn: today, contractType: "open-ended", schedule: "full-time" }
    }))
    expect(placed.placement.value).toMatchObject({
      seekerId,
      referralId,
      openingId,
      counselorId: counselor.id,
      startOn: today,
      recordedOn: today,
      verification: "center-referral",
      countsForCenter: true
    })
    placementId = placed.placement.value.id
    const checks = placed.followUps.map((f) => f.value)
    expect(checks.map((c) => c.sequence)).toEqual([1, 2, 3])
    expect(checks.every((c) => c.placementId === placementId && c.doneOn === undefined)).toBe(true)
    // Each call falls in its month of work, and the months follow each other from the first day of work.
    expect(first(checks, "follow-up check").windowStart).toBe(today)
    for (const c of checks) expect(c.windowStart <= c.dueOn && c.dueOn <= c.windowEnd).toBe(true)
    const dues = checks.map((c) => c.dueOn)
    expect(dues).toEqual([...dues].sort())
  })

  it("finds the calls in the ledger and records the first with the version it read", async () => {
    const ledger = ok(await client.GET("/follow-ups/ledger"))
    expect(ledger.today).toBe(today)
    const ours = ledger.upcoming.filter((c) => c.value.placementId === placementId)
    expect(ours.map((c) => c.value.sequence)).toEqual([1, 2, 3])
    const call = find(ours, "first follow-up call", (c) => c.value.sequence === 1)
    const recorded = ok(await client.POST("/follow-ups/{id}", {
      params: { path: { id: call.value.id } },
      body: { doneOn: today, channel: "phone", outcome: "working", notes: "근무 적응 양호", version: call.version }
    }))
    expect(recorded.reemploymentSupport).toBe(false)
    expect(recorded.check.value).toMatchObject({ id: call.value.id, doneOn: today, channel: "phone", outcome: "working" })
    expect(recorded.check.version).toBe(call.version + 1)

    // A colleague with the ledger open records the same call: the server checks the call's
    // state before the version, so the answer says what happened rather than "reload".
    const again = await client.POST("/follow-ups/{id}", {
      params: { path: { id: call.value.id } },
      body: { doneOn: today, channel: "visit", outcome: "difficulties", version: call.version }
    })
    expect(again.response.status).toBe(409)
    expect(again.error).toMatchObject({ _tag: "FollowUpAlreadyRecorded", doneOn: today })
    expect(again.error?.messageKo).toMatch(/[가-힣]/)
  })

  it("reads it all back: the call done on time, the two others ahead, the newcomer placed", async () => {
    const ledger = ok(await client.GET("/follow-ups/ledger"))
    const done = find(ledger.done, "recorded call", (c) => c.value.placementId === placementId)
    expect(done.value).toMatchObject({ sequence: 1, doneOn: today, channel: "phone", outcome: "working", notes: "근무 적응 양호" })
    expect(done.version).toBe(2)
    const ahead = ledger.upcoming.filter((c) => c.value.placementId === placementId)
    expect(ahead.map((c) => [c.value.sequence, c.version])).toEqual([[2, 1], [3, 1]])
    expect(ahead.every((c) => c.value.seekerId === seekerId && c.value.counselorId === counselor.id)).toBe(true)
    expect(ledger.onTime).toBeGreaterThanOrEqual(1)
    const seeker = ok(await client.GET("/seekers/{id}", { params: { path: { id: seekerId } } }))
    expect(seeker.value.status).toBe("placed")
  })

  // The rest of the day with the API alone: find people, list the day's casework page by page, phone from the ledger.

  it("finds 홍길동 by the initial consonants ㅎㄱㄷ and by the phone's last four digits", async () => {
    const hong = ok(await client.POST("/seekers", {
      body: { ...newcomer, name: "홍길동", birthDate: "1971-02-03", contact: { phone: "010-7319-2468" } }
    }))
    const byInitials = ok(await client.GET("/seekers/search", { params: { query: { name: "ㅎㄱㄷ", limit: 100 } } }))
    expect(byInitials.items.map((s) => s.value.id)).toContain(hong.value.id)
    expect(byInitials.items.every((s) => s.value.name.includes("홍길동"))).toBe(true)
    const byPhone = ok(await client.GET("/seekers/search", { params: { query: { phoneTail: "2468", limit: 100 } } }))
    expect(byPhone.items.map((s) => s.value.id)).toContain(hong.value.id)
    expect(byPhone.items.every((s) => (s.value.contact.phone ?? "").endsWith("2468"))).toBe(true)
    const both = ok(await client.GET("/seekers/search", { params: { query: { name: "ㅎㄱㄷ", phoneTail: "2468" } } }))
    expect(both.items.map((s) => s.value.id)).toEqual([hong.value.id])
    expect(both).toMatchObject({ total: 1, nextCursor: null })

    // A cursor the server did not give is refused in the one error shape, naming the parameter.
    const forged = await client.GET("/seekers/search", { params: { query: { cursor: "forged!" } } })
    expect(forged.response.status).toBe(400)
    expect(forged.error).toMatchObject({ _tag: "ValidationError", field: "cursor" })
    expect(forged.error?.messageKo).toMatch(/[가-힣]/)
  })

  it("lists my referrals and my placements page by page with the cursor, each once", async () => {
    // Every page of a paged list, following nextCursor to the end, and the total the last page gave.
    const everyPage = async <A>(page: (cursor: string | undefined) => Promise<{ items: ReadonlyArray<A>; total: number; nextCursor: string | null }>) => {
      const pages: Array<ReadonlyArray<A>> = []
      let cursor: string | undefined
      let total = -1
      do {
        const found = await page(cursor)
        pages.push(found.items)
        total = found.total
        cursor = found.nextCursor ?? undefined
      } while (cursor !== undefined && pages.length < 200)
      return { pages, total }
    }

    const referralPages = await everyPage(async (cursor) =>
      ok(await client.GET("/referrals", { params: { query: { counselorId: counselor.id, limit: 3, ...(cursor === undefined ? {} : { cursor }) } } }))
    )
    expect(referralPages.pages.every((page) => page.length <= 3)).toBe(true)
    expect(referralPages.pages.flat().every((r) => r.value.counselorId === counselor.id)).toBe(true)
    const referrals = referralPages.pages.flat().map((r) => r.value.id)
    expect(referrals).toContain(referralId)
    expect(new Set(referrals).size).toBe(referrals.length)
    expect(referrals.length).toBe(referralPages.total)
    const one = ok(await client.GET("/referrals/{id}", { params: { path: { id: referralId } } }))
    expect(one.value).toMatchObject({ id: referralId, seekerId, status: "hired" })

    const placementPages = await everyPage(async (cursor) =>
      ok(await client.GET("/placements", { params: { query: { counselorId: counselor.id, limit: 2, ...(cursor === undefined ? {} : { cursor }) } } }))
    )
    const placements = placementPages.pages.flat().map((p) => p.value.id)
    expect(placements).toContain(placementId)
    expect(new Set(placements).size).toBe(placements.length)
    expect(placements.length).toBe(placementPages.total)
    const placement = ok(await client.GET("/placements/{id}", { params: { path: { id: placementId } } }))
    expect(placement.value).toMatchObject({ id: placementId, seekerId, referralId })
  })

  it("phones everyone due from the ledger alone: each call carries the seeker's name, phone and version", async () => {
    const ledger = ok(await client.GET("/follow-ups/ledger"))
    const calls = [...ledger.overdue, ...ledger.dueToday, ...ledger.upcoming]
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) {
      expect(call.seeker?.id).toBe(call.value.seekerId)
      expect(call.seeker?.name).toMatch(/[가-힣]/)
      expect(call.seeker?.version).toBeGreaterThanOrEqual(1)
    }
    // The newcomer's next call names them, at the number they gave, with their current version.
    const next = find(ledger.upcoming, "the newcomer's next call", (c) => c.value.placementId === placementId && c.value.sequence === 2)
    const record = ok(await client.GET("/seekers/{id}", { params: { path: { id: seekerId } } }))
    expect(next.seeker).toEqual({ id: seekerId, name: newcomer.name, phone: newcomer.contact.phone, version: record.version })
  })
})
