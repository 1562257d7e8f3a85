/**
 * Seoul's job cafés (일자리카페): shop-in-shop venues (universities, youth
 * spaces, public and private facilities) within a ten-minute walk, offering
 * counseling, résumé clinics, mentoring, lectures and résumé photos, and
 * free study rooms — at most 3 hours a day per person (seed).
 *
 * Booking is a pure rule over the day's existing bookings: a request is
 * accepted, or refused with every reason (the daily limit, a taken room, the
 * person already booked elsewhere, outside opening hours).
 *
 * @example
 * ```ts
 * import { JobCafe } from "@iljari/core"
 *
 * declare const cafes: ReadonlyArray<JobCafe.Cafe>
 * // Cafés within a ten-minute walk of 성수역.
 * const near = JobCafe.withinWalk(cafes, { lat: 37.5446, lon: 127.0559 }, 10)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category cafes
 */
import { Either, Schema } from "effect"
import { codeSet } from "../kernel/CodeSet.js"
import { distanceMetres, Point } from "../kernel/Geo.js"
import type { Label } from "../kernel/Labels.js"

const venueTypes = codeSet("JobCafeType", [
  ["university", { ko: "대학", en: "University" }],
  ["youth-space", { ko: "청년공간", en: "Youth space" }],
  ["public-facility", { ko: "공공시설", en: "Public facility" }],
  ["private-facility", { ko: "민간시설", en: "Private facility" }]
])

/**
 * The kind of place a job café is housed in.
 *
 * @since 0.1.0
 * @category codes
 */
export const VenueType = venueTypes.schema
/** @since 0.1.0 @category codes */
export type VenueType = typeof VenueType.Type
/** @since 0.1.0 @category codes */
export const venueTypeLabel = venueTypes.label

export {
  /** The great-circle distance in metres; see `Geo`. @since 0.1.0 @category location */
  distanceMetres,
  /** A point on the map (WGS 84 degrees); see `Geo`. @since 0.1.0 @category location */
  Point
}
/**
 * How far people walk: 4.8 km/h (80 m a minute) by default, and a detour
 * factor of 1.3 because streets are not straight lines.
 *
 * @since 0.1.0
 * @category location
 */
export interface Walking {
  readonly metresPerMinute: number
  readonly detourFactor: number
}

/** @since 0.1.0 @category location */
export const defaultWalking: Walking = { metresPerMinute: 80, detourFactor: 1.3 }

/**
 * The places within `minutes` of walking from `from` (10 by default, the
 * Seoul plan's promise), nearest first, with their walking minutes.
 *
 * @since 0.1.0
 * @category location
 */
export const withinWalk = <A extends { readonly location: Point }>(
  places: ReadonlyArray<A>,
  from: Point,
  minutes = 10,
  walking: Walking = defaultWalking
): ReadonlyArray<{ readonly place: A; readonly walkMinutes: number }> =>
  places
    .map((place) => ({ place, walkMinutes: (distanceMetres(from, place.location) * walking.detourFactor) / walking.metresPerMinute }))
    .filter((p) => p.walkMinutes <= minutes)
    .sort((a, b) => a.walkMinutes - b.walkMinutes)

/**
 * A time of day in minutes after midnight, written `HH:MM`.
 *
 * @since 0.1.0
 * @category booking
 */
export const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

const Clock = Schema.String.pipe(
  Schema.pattern(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: () => "must be a time of day written HH:MM, e.g. 14:00" })
)

/**
 * A study-room booking: one person, one room, one day, from `start` to `end`.
 *
 * @since 0.1.0
 * @category booking
 */
export const Booking = Schema.Struct({
  cafeId: Schema.String,
  roomId: Schema.String,
  /** The person: a seeker id, or a visitor's id at the café. */
  personId: Schema.String,
  on: Schema.String,
  start: Clock,
  end: Clock
}).annotations({ identifier: "StudyRoomBooking" })
/** @since 0.1.0 @category booking */
export type Booking = typeof Booking.Type

/**
 * A café's booking rules: 3 hours a day per person (seed), opening hours,
 * and the smallest step bookings move in.
 *
 * @since 0.1.0
 * @category booking
 */
export interface Rules {
  readonly maxMinutesPerDay: number
  readonly opens: string
  readonly closes: string
  readonly stepMinutes: number
}

/** @since 0.1.0 @category booking */
export const defaultRules: Rules = { maxMinutesPerDay: 180, opens: "09:00", closes: "22:00", stepMinutes: 30 }

/**
 * Why a booking is refused.
 *
 * @since 0.1.0
 * @category booking
 */
export type Refusal =
  | { readonly _tag: "InvalidInterval"; readonly message: Label }
  | { readonly _tag: "OutsideHours"; readonly message: Label }
  | { readonly _tag: "DailyLimit"; readonly message: Label }
  | { readonly _tag: "RoomTaken"; readonly message: Label; readonly by: Booking }
  | { readonly _tag: "PersonBusy"; readonly message: Label; readonly in: Booking }
  /** The café or the room is not registered (see `Cafes`). */
  | { readonly _tag: "UnknownRoom"; readonly message: Label }

/**
 * A booking that cannot be made, with every reason.
 *
 * @since 0.1.0
 * @category booking
 */
export class BookingRefused extends Schema.TaggedError<BookingRefused>()("BookingRefused", {
  reasons: Schema.Array(Schema.Struct({ _tag: Schema.String, message: Schema.Struct({ ko: Schema.String, en: Schema.String }) }))
}) {
  override get message(): string {
    return this.reasons.map((r) => r.message.en).join("; ")
  }
}

const overlaps = (a: Booking, b: Booking) => minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)

/**
 * Books a room if every rule allows it, given the bookings already made (any
 * days and rooms; only the same day matters).
 *
 * @since 0.1.0
 * @category booking
 */
export const book = (
  existing: ReadonlyArray<Booking>,
  request: Booking,
  rules: Rules = defaultRules
): Either.Either<Booking, BookingRefused> => {
  const reasons: Array<Refusal> = []
  const start = minutesOf(request.start)
  const end = minutesOf(request.end)
  const length = end - start
  if (length <= 0 || length % rules.stepMinutes !== 0 || start % rules.stepMinutes !== 0) {
    reasons.push({
      _tag: "InvalidInterval",
      message: {
        ko: `예약 시간은 ${rules.stepMinutes}분 단위로, 시작이 종료보다 빨라야 합니다 (${request.start}–${request.end})`,
        en: `a booking runs forward in steps of ${rules.stepMinutes} minutes (${request.start}–${request.end})`
      }
    })
  }
  if (start < minutesOf(rules.opens) || end > minutesOf(rules.closes)) {
    reasons.push({
      _tag: "OutsideHours",
      message: { ko: `이용 시간은 ${rules.opens}–${rules.closes}입니다`, en: `the rooms are open ${rules.opens}–${rules.closes}` }
    })
  }
  const sameDay = existing.filter((b) => b.on === request.on)
  const used = sameDay.filter((b) => b.personId === request.personId).reduce((sum, b) => sum + minutesOf(b.end) - minutesOf(b.start), 0)
  if (length > 0 && used + length > rules.maxMinutesPerDay) {
    reasons.push({
      _tag: "DailyLimit",
      message: {
        ko: `1일 ${rules.maxMinutesPerDay / 60}시간까지 이용할 수 있습니다 (오늘 ${used}분 예약됨, 요청 ${length}분)`,
        en: `at most ${rules.maxMinutesPerDay} minutes a day per person (${used} already booked today, ${length} requested)`
      }
    })
  }
  const taken = sameDay.find((b) => b.cafeId === request.cafeId && b.roomId === request.roomId && overlaps(b, request))
  if (taken !== undefined) {
    reasons.push({
      _tag: "RoomTaken",
      by: taken,
      message: { ko: `이미 ${taken.start}–${taken.end}에 예약된 방입니다`, en: `the room is booked ${taken.start}–${taken.end}` }
    })
  }
  const busy = sameDay.find((b) => b.personId === request.personId && overlaps(b, request) && b !== taken)
  if (busy !== undefined) {
    reasons.push({
      _tag: "PersonBusy",
      in: busy,
      message: { ko: `같은 시간(${busy.start}–${busy.end})에 다른 예약이 있습니다`, en: `already booked ${busy.start}–${busy.end} elsewhere` }
    })
  }
  return reasons.length === 0
    ? Either.right(request)
    : Either.left(new BookingRefused({ reasons: reasons.map(({ _tag, message }) => ({ _tag, message })) }))
}


// ---------------------------------------------------------------------------
// Cafés and their programs
// ---------------------------------------------------------------------------

/**
 * A job café: where it is housed and where on the map, so that
 * {@link withinWalk} can find it.
 *
 * @since 0.1.0
 * @category cafés
 */
export class Cafe extends Schema.Class<Cafe>("JobCafe")({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
  venueType: VenueType,
  address: Schema.String.pipe(Schema.maxLength(300)),
  location: Point,
  studyRooms: Schema.Array(Schema.String.pipe(Schema.minLength(1))).pipe(Schema.maxItems(50))
}) {}

const programKinds = codeSet("JobCafeProgram", [
  ["counseling", { ko: "취업상담", en: "Job counseling" }],
  ["resume-clinic", { ko: "이력서·자기소개서 클리닉", en: "Résumé clinic" }],
  ["mentoring", { ko: "직무 멘토링", en: "Mentoring" }],
  ["lecture", { ko: "취업특강", en: "Lecture" }],
  ["resume-photo", { ko: "이력서 사진 촬영", en: "Résumé photos" }]
])

/** @since 0.1.0 @category cafés */
export const ProgramKind = programKinds.schema
/** @since 0.1.0 @category cafés */
export type ProgramKind = typeof ProgramKind.Type
/** @since 0.1.0 @category cafés */
export const programKindLabel = programKinds.label

/**
 * A program session at a café, with a number of places.
 *
 * @since 0.1.0
 * @category cafés
 */
export class Program extends Schema.Class<Program>("JobCafeProgramSession")({
  id: Schema.String.pipe(Schema.minLength(1)),
  cafeId: Schema.String,
  kind: ProgramKind,
  on: Schema.String,
  start: Clock,
  places: Schema.Int.pipe(Schema.between(1, 500, { message: () => "must be between 1 and 500 places" }))
}) {}

/**
 * A person signed up for a program session.
 *
 * @since 0.1.0
 * @category cafés
 */
export const SignUp = Schema.Struct({ programId: Schema.String, personId: Schema.String }).annotations({
  identifier: "JobCafeSignUp"
})
/** @since 0.1.0 @category cafés */
export type SignUp = typeof SignUp.Type

/**
 * A sign-up that cannot be taken, with the reason.
 *
 * @since 0.1.0
 * @category cafés
 */
export class SignUpRefused extends Schema.TaggedError<SignUpRefused>()("SignUpRefused", {
  reason: Schema.Literal("full", "already-signed-up", "started"),
  message: Schema.String,
  messageKo: Schema.String
}) {}

/**
 * Signs a person up for a session if a place is left, they are not signed up
 * already, and the session has not started (`now` is the café's local date
 * and time, `YYYY-MM-DD` and `HH:MM`).
 *
 * @since 0.1.0
 * @category cafés
 */
export const signUp = (
  program: Program,
  existing: ReadonlyArray<SignUp>,
  personId: string,
  now: { readonly on: string; readonly at: string }
): Either.Either<SignUp, SignUpRefused> => {
  const refuse = (reason: SignUpRefused["reason"], message: string, messageKo: string) =>
    Either.left(new SignUpRefused({ reason, message, messageKo }))
  const mine = existing.filter((s) => s.programId === program.id)
  if (now.on > program.on || (now.on === program.on && now.at >= program.start)) {
    return refuse("started", `The session started at ${program.on} ${program.start}`, `이미 시작한 프로그램입니다 (${program.on} ${program.start})`)
  }
  if (mine.some((s) => s.personId === personId)) return refuse("already-signed-up", "Already signed up", "이미 신청했습니다")
  if (mine.length >= program.places) {
    return refuse("full", `All ${program.places} places are taken`, `정원 ${program.places}명이 모두 찼습니다`)
  }
  return Either.right({ programId: program.id, personId })
}
