/**
 * Erasure that leaves nothing: a seeker with data in every store — name,
 * phone, e-mail and free texts carrying markers of their own — is erased,
 * then every text in every table is scanned for the markers. Another seeker,
 * stored beside them, keeps every trace. The figures stay the same. Run on
 * memory, SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Cafes,
  Counselor,
  Erasure,
  Events,
  Hangul,
  type Ids,
  JobCenter,
  JobFair,
  LocalDate,
  Outbox,
  Outreach,
  Repositories,
  StudyRooms,
  Survey,
  SurveyLink
} from "@iljari/core"
import { Effect, Either, FastCheck as fc, Redacted, TestClock } from "effect"
import { counselorInput, employerInput, openingInput, seekerInput } from "../../Fixtures.js"
import { type Backend, layerOf, scanOf } from "./backend.js"

const district = "11200" as Ids.DistrictId
const kim: JobCenter.Actor = { districtId: district, counselorId: "counselor-01" as Ids.CounselorId }

const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

/** What identifies one person, and the free texts written about them. */
export interface Markers {
  readonly uid: string
  readonly name: string
  readonly phone: string
  readonly email: string
  readonly note: string
  /** How the job café knows them: by name, by phone, or by their seeker id. */
  readonly cafeId: "name" | "phone" | "seeker-id"
}

export const markers: fc.Arbitrary<Markers> = fc.record({
  uid: fc.stringMatching(/^[A-Z][A-Z0-9]{7}$/),
  a: fc.integer({ min: 1000, max: 9999 }),
  b: fc.integer({ min: 1000, max: 9999 }),
  cafeId: fc.constantFrom("name" as const, "phone" as const, "seeker-id" as const)
}).map(({ a, b, cafeId, uid }) => ({
  uid,
  name: `김${uid}`,
  phone: `010-${a}-${b}`,
  email: `${uid.toLowerCase()}@example.kr`,
  note: `메모${uid}`,
  cafeId
}))

/** The texts that would reveal the person, however a column stores them (a name as search keeps it too). */
export const traces = (m: Markers) => [m.name, Hangul.searchKey(m.name), m.phone, m.phone.replace(/-/g, ""), m.email, m.note]

const setToday = (iso: string) => TestClock.setTime(Date.parse(`${iso}T01:00:00Z`))

// One person's casework and events, each store touched; returns their seeker id.
// Ids the center gives (`n`) carry no marker: only what the person is may be traced.
let n = 0
export interface Setting {
  readonly id: Ids.OpeningId
  readonly employerId: Ids.EmployerId
  readonly questionnaire: Survey.Questionnaire
  readonly testSessionId: string
  readonly cafeId: string
  readonly programId: string
}

export const seedPerson = (m: Markers, opening: Setting): Effect.Effect<Ids.SeekerId, unknown, any> =>
  Effect.gen(function*() {
    yield* setToday("2026-05-04")
    const seeker = yield* JobCenter.registerSeeker(kim, {
      ...seekerForm,
      name: m.name,
      contact: { phone: m.phone, email: m.email },
      birthDate: "1980-02-03",
      notes: `${m.note} 야간 가능`,
      consents: [
        ...seekerForm.consents,
        { purpose: "service", channel: "email", givenAt: "2016-03-02T01:00:00.000Z" }
      ]
    })
    const seekerId = seeker.value.id
    const k = ++n
    yield* JobCenter.logCounseling(kim, {
      seekerId,
      heldOn: "2026-05-04",
      channel: "visit",
      notes: `${m.note} 상담, 연락처 ${m.phone}`,
      nextStep: `${m.note} 이력서`
    })
    const referral = yield* JobCenter.proposeReferral(kim, { seekerId, openingId: opening.id, notes: `${m.note} 알선` })
    yield* JobCenter.moveReferral(kim, { referralId: referral.value.id, to: "sent", expectedVersion: 1 })
    yield* JobCenter.moveReferral(kim, { referralId: referral.value.id, to: "interviewing", expectedVersion: 2 })
    const placed = yield* JobCenter.recordPlacement(kim, {
      seekerId,
      referralId: referral.value.id,
      startOn: "2026-05-04",
      contractType: "open-ended",
      schedule: "full-time",
      notes: `${m.note} 취업`
    })
    // The first call is due: the counselor's digest names them, then the call is recorded.
    const first = placed.followUps[0]!.value
    yield* setToday(first.dueOn)
    yield* JobCenter.enqueueFollowUpDigests(kim)
    yield* JobCenter.recordFollowUp(kim, {
      checkId: first.id,
      expectedVersion: 1,
      result: { doneOn: first.dueOn, channel: "phone", outcome: "working", notes: `${m.note} 적응 중` }
    })
    yield* Events.respond(kim, opening.questionnaire.id, {
      respondedOn: "2026-05-08",
      seekerId,
      answers: [{ questionId: "q1", rating: 4 }, { questionId: "q2", text: `${m.note} 친절했어요` }]
    })
    // A one-time link issued to them and answered with a comment, and another left open.
    const link = yield* SurveyLink.issue(kim, opening.questionnaire.id, { seekerId })
    yield* SurveyLink.answer(Redacted.value(link.token), { answers: [{ questionId: "q1", rating: 5 }, { questionId: "q2", text: `${m.note} 링크로 답함` }] })
    yield* SurveyLink.issue(kim, opening.questionnaire.id, { seekerId })
    yield* Events.recordOutreach(kim, {
      heldOn: "2026-05-06",
      site: "subway-station",
      siteName: "왕십리역",
      counselorIds: ["counselor-01"],
      counselled: 3,
      counselingIds: [],
      registeredSeekerIds: [seekerId],
      notes: `현장 등록: ${m.name} (${m.phone.replace(/-/g, "")}), 다른 분 동행`
    })
    // A psychological test, its result e-mailed through the outbox; a training-demand answer.
    const participant = yield* Events.registerParticipant(kim, opening.testSessionId, seekerId)
    yield* Events.recordTestResult(kim, participant.value.id, 1, { attended: true, result: `${m.note} 탐구형 우세` })
    yield* Events.deliverResult(kim, participant.value.id, 2, "email")
    yield* Events.recordDemandAnswer(kim, {
      respondent: m.name,
      seekerId,
      group: "middle-aged",
      fields: ["5410"],
      times: ["weekday-day"]
    })
    // The café knows them by their name, phone or seeker id, for a study room and a program.
    const knownAs = m.cafeId === "name" ? m.name : m.cafeId === "phone" ? m.phone : seekerId
    yield* StudyRooms.reserve(kim, {
      cafeId: opening.cafeId,
      roomId: `room-${k % 20}`,
      personId: knownAs,
      on: "2026-05-12",
      start: "10:00",
      end: "12:00"
    })
    yield* Cafes.signUp(kim, opening.programId, knownAs)
    return seekerId
  })

// The district's counselor, an employer and an opening, and a questionnaire.
export const setUp: Effect.Effect<Setting, unknown, any> = Effect.gen(function*() {
  yield* setToday("2026-05-04")
  yield* Effect.flatMap(Repositories.CounselorRepository, (r) =>
    r.insert(Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, contact: { email: "counselor@example.kr" } }))))
  const employer = yield* JobCenter.registerEmployer(kim, employerForm)
  const opening = yield* JobCenter.registerOpening(kim, {
    ...openingForm,
    employerId: employer.value.id,
    openedOn: "2026-05-01",
    closesOn: "2026-05-31",
    headcount: 10
  })
  const questionnaire = Either.getOrThrow(Survey.decodeQuestionnaire({
    id: "visitor-2026",
    districtId: district,
    title: "만족도",
    audience: "visitor",
    questions: [
      { _tag: "rating", id: "q1", text: "만족하십니까?", required: true },
      { _tag: "text", id: "q2", text: "하실 말씀", required: false }
    ]
  }))
  yield* Effect.flatMap(Repositories.QuestionnaireRepository, (r) => r.insert(questionnaire))
  const session = yield* Events.scheduleTest(kim, { kind: "aptitude", heldOn: "2026-05-14", venue: "성동구청 교육장", capacity: 30 })
  const cafe = yield* Cafes.register(kim, {
    name: "성수 일자리카페",
    venueType: "youth-space",
    address: "서울 성동구 아차산로 100",
    location: { lat: 37.5446, lon: 127.0559 },
    studyRooms: Array.from({ length: 20 }, (_, i) => `room-${i}`)
  })
  const program = yield* Cafes.scheduleProgram(kim, cafe.value.id, { kind: "resume-clinic", on: "2026-12-14", start: "14:00", places: 500 })
  return {
    id: opening.value.id,
    employerId: employer.value.id,
    questionnaire,
    testSessionId: session.value.id,
    cafeId: cafe.value.id,
    programId: program.value.id
  }
})

// A job fair that pre-selects and invites everyone: its SMS invitations name them.
let fairs = 0
const inviteToFair = (setting: Setting): Effect.Effect<unknown, unknown, any> =>
  Effect.gen(function*() {
    const fair = yield* JobFair.create(kim, {
      title: `일 잡는 데이 ${++fairs}`,
      heldOn: "2026-05-20",
      venue: "성동구청 대강당",
      schedule: { start: "14:00", slotMinutes: 20 },
      maxInterviewsPerSeeker: 1,
      minScore: 0,
      employers: [{ employerId: setting.employerId, openingIds: [setting.id], capacity: 10 }]
    })
    const preselected = yield* JobFair.preselect(kim, fair.value.id, fair.version, 100)
    const invited = yield* JobFair.invite(kim, fair.value.id, preselected.version)
    expect(invited.value.invitations.length).toBeGreaterThanOrEqual(2)
  })

// The figures erasure must not move.
const figures = (questionnaire: Survey.Questionnaire) =>
  Effect.gen(function*() {
    const year = { from: "2026-01-01" as LocalDate.LocalDate, to: "2026-12-31" as LocalDate.LocalDate }
    const responses = yield* Effect.flatMap(Repositories.SurveyResponseRepository, (r) => r.list(district))
    const sessions = yield* Effect.flatMap(Repositories.OutreachSessionRepository, (r) => r.list(district))
    const bookings = yield* StudyRooms.bookingsOn(kim, "2026-05-12")
    const persons = new Map<string, number>()
    for (const b of bookings) persons.set(b.value.personId, (persons.get(b.value.personId) ?? 0) + 1)
    return {
      tests: yield* Events.testOutcomes(kim),
      bookingsPerPerson: [...persons.values()].sort(),
      results: yield* JobCenter.results(kim, year),
      scores: Survey.scores(questionnaire, responses.map((r) => r.value), year, "all"),
      outreach: Outreach.progress(Outreach.seedPlan("2026-05"), sessions.map((s) => s.value)),
      bookedHours: bookings.length,
      signedUp: (yield* Cafes.programs(kim, year)).map((p) => p.signedUp),
      messages: (yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district))).length
    }
  })

export const erase = (seekerId: Ids.SeekerId): Effect.Effect<unknown, unknown, any> => Erasure.eraseSeeker(kim, seekerId, "subject-request")

export const erasureSuite = (backend: Backend) =>
  describe(`erasure on ${backend.name}`, () => {
    it.effect("leaves no trace of an erased seeker in any table, keeps the others', and moves no figure (property)", () =>
      Effect.gen(function*() {
        const people = fc.sample(fc.uniqueArray(markers, { minLength: 2, maxLength: 2, selector: (m) => m.uid }), {
          numRuns: 3,
          seed: 2026
        })
        const opening = yield* setUp
        for (const [erased, kept] of people) {
          const erasedId = yield* seedPerson(erased!, opening)
          yield* seedPerson(kept!, opening)
          yield* inviteToFair(opening)
          const before = yield* figures(opening.questionnaire)
          yield* setToday("2026-06-30")
          yield* erase(erasedId)
          const texts = yield* scanOf(backend)
          const left = texts.filter(({ text }) => traces(erased!).some((trace) => text.includes(trace)))
          expect(left.map(({ where, text }) => `${where}: ${text.slice(0, 120)}`)).toEqual([])
          for (const trace of [kept!.name, kept!.phone, kept!.note]) {
            expect(texts.some(({ text }) => text.includes(trace)), `${trace} is kept`).toBe(true)
          }
          expect(yield* figures(opening.questionnaire)).toEqual(before)
        }
      }).pipe(Effect.provide(layerOf(backend))), 120_000)
  })
