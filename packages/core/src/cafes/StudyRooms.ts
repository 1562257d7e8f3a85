/**
 * Study-room bookings at job cafés, stored: {@link reserve} applies
 * `JobCafe.book` (at most 3 hours a day per person, no two bookings of a
 * room overlapping, opening hours, 30-minute steps) to the day's stored
 * bookings and keeps the booking, in one transaction that first locks the
 * day, so two counselors booking the last free hour at the same moment
 * cannot both get it.
 *
 * @example
 * ```ts
 * import { JobCenter, StudyRooms } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const booked = StudyRooms.reserve(actor, {
 *   cafeId: "seongsu-cafe",
 *   roomId: "room-2",
 *   personId: "seeker-0001",
 *   on: "2026-05-14",
 *   start: "14:00",
 *   end: "16:00"
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category cafes
 */
import { Context, Effect, Schema } from "effect"
import { DistrictId } from "../kernel/Ids.js"
import type { AuditAction } from "../kernel/Audit.js"
import type { Actor } from "../kernel/UseCase.js"
import { CafeRepository } from "./Cafes.js"
import * as JobCafe from "./JobCafe.js"
import { logPeople } from "./internal/people.js"
import { IdGenerator } from "../kernel/IdGenerator.js"
import { Transactor } from "../kernel/Transactor.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

/**
 * A stored booking: the booking with its id and district.
 *
 * @since 0.1.0
 * @category models
 */
export class StoredBooking extends Schema.Class<StoredBooking>("StoredStudyRoomBooking")({
  id: Schema.String,
  districtId: DistrictId,
  ...JobCafe.Booking.fields
}) {}

const logBookings = (actor: Actor, action: AuditAction, bookings: ReadonlyArray<StoredBooking>, purpose: string) =>
  logPeople(actor, action, bookings, purpose)

// A booking names a café the district registered and one of its rooms.
const checkRoom = (actor: Actor, request: JobCafe.Booking) =>
  Effect.gen(function*() {
    const cafe = yield* Effect.flatMap(CafeRepository, (r) => r.get(actor.districtId, request.cafeId)).pipe(
      Effect.map((row) => row.value),
      Effect.catchTag("NotFound", () => Effect.succeed(undefined))
    )
    if (cafe === undefined) {
      return yield* Effect.fail(
        new JobCafe.BookingRefused({
          reasons: [{
            _tag: "UnknownRoom",
            message: { ko: `등록되지 않은 일자리카페입니다 (${request.cafeId})`, en: `no job café ${request.cafeId} is registered in the district` }
          }]
        })
      )
    }
    if (!cafe.studyRooms.includes(request.roomId)) {
      return yield* Effect.fail(
        new JobCafe.BookingRefused({
          reasons: [{
            _tag: "UnknownRoom",
            message: {
              ko: `${cafe.name}에 없는 스터디룸입니다 (${request.roomId})`,
              en: `${cafe.name} has no study room ${request.roomId}`
            }
          }]
        })
      )
    }
  })

/**
 * Books a study room for the actor's district if every rule allows it;
 * otherwise fails with `BookingRefused`, giving every reason. The café
 * and the room must be registered (see `Cafes.register`).
 *
 * @example
 * ```ts
 * import { JobCenter, StudyRooms } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // Three hours a day at most, no overlaps: a refused booking says why.
 * const booked = StudyRooms.reserve(actor, {
 *   cafeId: "seongsu-cafe",
 *   roomId: "room-2",
 *   personId: "seeker-0001",
 *   on: "2026-05-14",
 *   start: "14:00",
 *   end: "16:00"
 * })
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const reserve = (actor: Actor, input: unknown, rules: JobCafe.Rules = JobCafe.defaultRules) =>
  Effect.gen(function*() {
    const request = yield* Validation.decode(JobCafe.Booking)(input)
    yield* checkRoom(actor, request)
    const store = yield* StudyRoomBookingRepository
    // A day's bookings are decided one at a time.
    yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:study-room-day:${actor.districtId}:${request.on}`))
    const sameDay = yield* store.listOn(actor.districtId, request.on)
    const booking = yield* JobCafe.book(sameDay.map((b) => b.value), request, rules)
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next("booking"))
    const stored = yield* store.insert(new StoredBooking({ ...booking, id, districtId: actor.districtId }))
    yield* logBookings(actor, "create", [stored.value], "studyRoom.book")
    return stored
  }).pipe((effect) => Effect.flatMap(Transactor, (t) => t.withTransaction(effect)))

/**
 * The district's bookings of a day; each person they name is logged.
 *
 * @example
 * ```ts
 * import { JobCenter, StudyRooms } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const today = StudyRooms.bookingsOn(actor, "2026-05-14")
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const bookingsOn = (actor: Actor, on: string) =>
  Effect.gen(function*() {
    const bookings = yield* Effect.flatMap(StudyRoomBookingRepository, (store) => store.listOn(actor.districtId, on))
    yield* logBookings(actor, "read", bookings.map((b) => b.value), "studyRoom.bookings")
    return bookings
  })

/**
 * Study-room bookings (see `StudyRooms`).
 *
 * @since 0.1.0
 * @category ports
 */
export class StudyRoomBookingRepository extends Context.Tag("@iljari/core/StudyRoomBookingRepository")<
  StudyRoomBookingRepository,
  Store<StoredBooking, string> & {
    readonly listOn: (districtId: DistrictId, on: string) => Effect.Effect<ReadonlyArray<Versioned<StoredBooking>>, PersistenceError>
    /** The bookings of anyone the café knows by one of `personIds`. */
    readonly listByPeople: (
      districtId: DistrictId,
      personIds: ReadonlyArray<string>
    ) => Effect.Effect<ReadonlyArray<Versioned<StoredBooking>>, PersistenceError>
  }
>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const store = Memory.store<StoredBooking, string>(db, "study-room booking")
    return {
      ...store,
      listOn: (districtId: DistrictId, on: string) => store.filter(districtId, (b) => b.on === on),
      listByPeople: (districtId: DistrictId, personIds: ReadonlyArray<string>) =>
        store.filter(districtId, (b) => personIds.includes(b.personId))
    }
  })
}
