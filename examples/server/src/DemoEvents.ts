/**
 * The demo district's field work of the last two months, recorded through
 * core's use cases as staff would: outreach sessions at stations, a shelter
 * and a library with a few people registered, discovery visits to
 * Seongsu's knowledge-industry centers with the employers they found, and
 * two psychological-test sessions, one held (with results) and one to come.
 */
import { Events, JobCenter, LocalDate } from "@iljari/core"
import { Effect } from "effect"
import { counselorIds } from "./Demo.js"

const stations = ["왕십리역", "성수역", "뚝섬역", "옥수역"]

export const recordDemoEvents = (actor: JobCenter.Actor) =>
  Effect.gen(function*() {
    const today = yield* JobCenter.today
    const daysAgo = (n: number) => LocalDate.addDays(today, -n)
    const seekers = (yield* JobCenter.listSeekers(actor, { limit: 40 })).map((row) => row.value.id)
    const employers = (yield* JobCenter.listEmployers(actor, { limit: 12 })).map((row) => row.value)
    const [first, second] = [counselorIds[0], counselorIds[1]]

    // Outreach: every fifth day back from today, stations in turn, a shelter and a library among them.
    for (let i = 0; i < 10; i++) {
      const site = i % 5 === 3 ? "shelter" : i % 5 === 4 ? "library" : "subway-station"
      yield* Events.recordOutreach(actor, {
        heldOn: daysAgo(2 + i * 5),
        site,
        siteName: site === "shelter" ? "성동 희망쉼터" : site === "library" ? "성동구립도서관" : stations[i % stations.length],
        counselorIds: i % 2 === 0 ? [first] : [first, second],
        counselled: 8 + ((i * 7) % 13),
        counselingIds: [],
        registeredSeekerIds: seekers.slice(i * 3, i * 3 + (i % 3) + 1)
      })
    }

    // Discovery visits: twice a month, each finding two or three of the district's employers.
    for (let i = 0; i < 4; i++) {
      const found = employers.slice(i * 3, i * 3 + 2 + (i % 2))
      yield* Events.recordVisit(actor, {
        visitedOn: daysAgo(4 + i * 14),
        counselorIds: [counselorIds[2], counselorIds[3]],
        target: "building",
        name: ["성수 SK V1 타워", "성수 에이스타워", "서울숲 IT밸리", "성수 아이에스비즈타워"][i],
        tenantsVisited: 10 + i * 3,
        findings: found.map((employer, k) => ({ company: employer.name, employerId: employer.id, openingIds: [], positions: 1 + ((i + k) % 4) }))
      })
    }

    // A test session held three weeks ago, with results for those who sat it, and one next week.
    const held = yield* Events.scheduleTest(actor, { kind: "job-preference", heldOn: daysAgo(21), venue: "센터 교육장", capacity: 12 })
    for (const [k, seekerId] of seekers.slice(30, 36).entries()) {
      const participant = yield* Events.registerParticipant(actor, held.value.id, seekerId)
      yield* Events.recordTestResult(actor, participant.value.id, participant.version, k === 5
        ? { attended: false }
        : { attended: true, result: ["현실형·관습형: 시설관리 직무 상담 권장", "사회형: 돌봄·상담 직무 권장", "탐구형·관습형: 사무·IT 직무 권장"][k % 3] })
    }
    yield* Events.scheduleTest(actor, {
      kind: "job-readiness",
      heldOn: LocalDate.addDays(today, 7),
      venue: "육군 제00사단 강당",
      partner: "육군 제00사단",
      targetGroup: "discharging-soldier",
      capacity: 40
    })
  })
