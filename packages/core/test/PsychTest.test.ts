import { DateTime, Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import type { SeekerId } from "../src/kernel/Ids.js"
import * as PsychTest from "../src/events/PsychTest.js"
import * as Seeker from "../src/registry/Seeker.js"
import { left, right } from "@iljari/test-support/either"
import { seekerInput } from "@iljari/test-support/fixtures"

const session = new PsychTest.Session({
  id: "psych-2026-04",
  districtId: "11200" as never,
  kind: "job-preference",
  heldOn: "2026-04-14" as never,
  venue: "육군 제00사단 강당",
  partner: "육군 제00사단",
  targetGroup: "discharging-soldier",
  capacity: 3
})
const at = DateTime.unsafeMake("2026-04-20T01:00:00Z")
const seeker = right(Seeker.decodeEither(seekerInput)) // consents to service messages by SMS only

const sat = (seekerId: string) =>
  new PsychTest.Participation({
    sessionId: session.id,
    seekerId: seekerId as SeekerId,
    attended: true,
    result: "현실형·관습형 선호: 시설관리, 경비 직무 상담 권장"
  })

describe("PsychTest", () => {
  it("registers within capacity and once per seeker", () => {
    const a = right(PsychTest.register(session, [], "s-1" as SeekerId))
    expect(left(PsychTest.register(session, [a], "s-1" as SeekerId)).rule).toBe("already-registered")
    const full = ["s-1", "s-2", "s-3"].map((id) => right(PsychTest.register(session, [], id as SeekerId)))
    expect(left(PsychTest.register(session, full, "s-4" as SeekerId)).reason.ko).toBe("정원(3명)이 찼습니다")
  })

  it("never seats more than the capacity, whatever the order of requests", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 30 }), (requests) => {
        let participants: Array<PsychTest.Participation> = []
        for (const n of requests) {
          const result = PsychTest.register(session, participants, `s-${n}` as SeekerId)
          if (Either.isRight(result)) participants = [...participants, result.right]
        }
        expect(participants.length).toBeLessThanOrEqual(session.capacity)
        expect(new Set(participants.map((p) => p.seekerId)).size).toBe(participants.length)
      })
    )
  })

  it("delivers a result by e-mail only with consent, in person always, and once", () => {
    const refused = left(PsychTest.deliver(sat(seeker.id), seeker, "email", "2026-04-20" as never, at))
    expect(refused.rule).toBe("no-consent")
    expect(refused.reason.ko).toBe("이메일 수신 동의가 없어 1:1로 전달해야 합니다")
    const consenting = { ...seeker, consents: [...seeker.consents, { purpose: "service" as const, channel: "email" as const, givenAt: DateTime.unsafeMake("2026-04-01T00:00:00Z") }] }
    expect(right(PsychTest.deliver(sat(seeker.id), consenting, "email", "2026-04-20" as never, at)).deliveredBy).toBe("email")
    const inPerson = right(PsychTest.deliver(sat(seeker.id), seeker, "in-person", "2026-04-20" as never, at))
    expect(left(PsychTest.deliver(inPerson, seeker, "in-person", "2026-04-21" as never, at)).rule).toBe("already-delivered")
    expect(left(PsychTest.deliver(new PsychTest.Participation({ ...sat(seeker.id), attended: false }), seeker, "in-person", "2026-04-20" as never, at)).rule)
      .toBe("not-attended")
  })

  it("counts outcomes per session and target group; each figure bounded by the one before", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ attended: fc.boolean(), delivered: fc.boolean(), followed: fc.boolean() }), { maxLength: 30 }),
        (drawn) => {
          const participants = drawn.map((d, i) =>
            new PsychTest.Participation({
              sessionId: session.id,
              seekerId: `s-${i}` as SeekerId,
              attended: d.attended,
              ...(d.delivered ? { result: "결과", deliveredOn: "2026-04-20" as never, deliveredBy: "in-person" as const } : {}),
              ...(d.followed ? { counselingId: `c-${i}` as never } : {})
            })
          )
          const { bySession, byTargetGroup } = PsychTest.outcomes([session], participants)
          for (const o of [...bySession, ...byTargetGroup]) {
            expect(o.attended).toBeLessThanOrEqual(o.registered)
            expect(o.delivered).toBeLessThanOrEqual(o.attended)
            expect(o.followedUp).toBeLessThanOrEqual(o.attended)
          }
          expect(byTargetGroup.map((o) => o.key)).toEqual(participants.length === 0 ? [] : ["discharging-soldier"])
          expect(bySession[0]?.registered ?? 0).toBe(participants.length)
        }
      )
    )
  })
})
