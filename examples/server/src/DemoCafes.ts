/**
 * The demo district's job cafés (일자리카페): three cafés of 성동구 near its
 * stations, with study rooms, a week of program sessions with some places
 * taken, and today's study-room bookings — two seekers, one near the daily
 * limit, and a visitor the café knows by name. Coordinates are real places'
 * (to about ten metres); names and people are invented.
 */
import { Cafes, type JobCenter, LocalDate, StudyRooms } from "@iljari/core"
import { Clock, Effect } from "effect"

const cafes = [
  {
    name: "성수 일자리카페",
    venueType: "youth-space",
    address: "서울 성동구 아차산로 103 (성수역 3번 출구)",
    location: { lat: 37.5451, lon: 127.0570 },
    studyRooms: ["스터디룸 1", "스터디룸 2", "스터디룸 3"]
  },
  {
    name: "한양대 일자리카페",
    venueType: "university",
    address: "서울 성동구 왕십리로 222 한양대학교 학생회관",
    location: { lat: 37.5572, lon: 127.0453 },
    studyRooms: ["세미나실 A", "세미나실 B"]
  },
  {
    name: "왕십리 일자리카페",
    venueType: "public-facility",
    address: "서울 성동구 고산자로 270 성동구청 1층",
    location: { lat: 37.5633, lon: 127.0371 },
    studyRooms: ["상담실", "스터디룸"]
  }
] as const

/** Creates the cafés, sessions from tomorrow on and today's bookings, as `actor`. */
export const createDemoCafes = (actor: JobCenter.Actor) =>
  Effect.gen(function*() {
    const today = LocalDate.fromEpochMillisInKorea(yield* Clock.currentTimeMillis)
    const [seongsu, hanyang, wangsimni] = yield* Effect.forEach(cafes, (cafe) => Cafes.register(actor, cafe))
    const day = (n: number) => LocalDate.addDays(today, n)
    const clinic = yield* Cafes.scheduleProgram(actor, seongsu!.value.id, { kind: "resume-clinic", on: day(1), start: "14:00", places: 6 })
    yield* Cafes.scheduleProgram(actor, seongsu!.value.id, { kind: "resume-photo", on: day(3), start: "10:00", places: 12 })
    const lecture = yield* Cafes.scheduleProgram(actor, hanyang!.value.id, { kind: "lecture", on: day(2), start: "15:00", places: 40 })
    yield* Cafes.scheduleProgram(actor, wangsimni!.value.id, { kind: "counseling", on: day(1), start: "10:00", places: 4 })
    for (const person of ["seeker-00001", "seeker-00002", "seeker-00003", "이방문"]) {
      yield* Cafes.signUp(actor, clinic.value.id, person)
    }
    for (const person of ["seeker-00004", "seeker-00005"]) yield* Cafes.signUp(actor, lecture.value.id, person)
    const book = (cafeId: string, roomId: string, personId: string, start: string, end: string) =>
      StudyRooms.reserve(actor, { cafeId, roomId, personId, on: today, start, end })
    yield* book(seongsu!.value.id, "스터디룸 1", "seeker-00001", "10:00", "12:00")
    yield* book(seongsu!.value.id, "스터디룸 2", "seeker-00002", "13:00", "14:30")
    yield* book(seongsu!.value.id, "스터디룸 1", "이방문", "14:00", "16:00")
    yield* book(hanyang!.value.id, "세미나실 A", "seeker-00001", "15:00", "15:30")
  })
