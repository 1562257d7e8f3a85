/**
 * The district's job cafés (일자리카페), stored: the cafés with their place
 * on the map and their study rooms, the program sessions they hold, and who
 * signed up. {@link nearby} is the ten-minute-walk finder over the
 * district's cafés; {@link signUp} applies `JobCafe.signUp` to a session's
 * stored sign-ups in one transaction that first locks the session, so two
 * people taking the last place at the same moment cannot both get it.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The district's cafés within a ten-minute walk of 성수역, nearest first.
 * const near = Cafes.nearby(actor, { lat: 37.5446, lon: 127.0559 })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category cafes
 */
import { Clock, Context, DateTime, Effect, Schema } from "effect"
import { DistrictId } from "../kernel/Ids.js"
import { IdGenerator } from "../kernel/IdGenerator.js"
import { LocalDate } from "../kernel/LocalDate.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"
import { Transactor } from "../kernel/Transactor.js"
import { type Actor, checkPeriod, fieldsOf, inTransaction, invalid } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import * as JobCafe from "./JobCafe.js"
import { koreanNow, logPeople } from "./internal/people.js"

/**
 * A café of a district: `JobCafe.Cafe` with the district it belongs to.
 *
 * @since 0.4.0
 * @category models
 */
export class StoredCafe extends JobCafe.Cafe.extend<StoredCafe>("StoredJobCafe")({
  districtId: DistrictId
}) {}

/**
 * A program session of a district's café: `JobCafe.Program` with its district.
 *
 * @since 0.4.0
 * @category models
 */
export class StoredProgram extends JobCafe.Program.extend<StoredProgram>("StoredJobCafeProgram")({
  districtId: DistrictId
}) {}

/**
 * A stored sign-up: `JobCafe.SignUp` with its id, district and when it was taken.
 *
 * @since 0.4.0
 * @category models
 */
export class StoredSignUp extends Schema.Class<StoredSignUp>("StoredJobCafeSignUp")({
  id: Schema.String,
  districtId: DistrictId,
  ...JobCafe.SignUp.fields,
  signedUpAt: Schema.DateTimeUtc
}) {}

/**
 * What a café's form holds; the center gives the id and the district.
 *
 * @since 0.4.0
 * @category models
 */
export const CafeInput = Schema.Struct({
  name: JobCafe.Cafe.fields.name,
  venueType: JobCafe.VenueType,
  address: JobCafe.Cafe.fields.address,
  location: JobCafe.Point,
  studyRooms: JobCafe.Cafe.fields.studyRooms
}).annotations({ identifier: "JobCafeInput" })

/**
 * What a program session's form holds: its kind, day, start and places.
 *
 * @since 0.4.0
 * @category models
 */
export const ProgramInput = Schema.Struct({
  kind: JobCafe.ProgramKind,
  on: LocalDate,
  start: JobCafe.Program.fields.start,
  places: JobCafe.Program.fields.places
}).annotations({ identifier: "JobCafeProgramInput" })

// A café's rooms are told apart by name.
const distinctRooms = (rooms: ReadonlyArray<string>) => {
  const twice = rooms.findIndex((room, i) => rooms.indexOf(room) !== i)
  return twice === -1
    ? Effect.void
    : Effect.fail(invalid("JobCafeInput", `studyRooms[${twice}]`, `must name each study room once ("${rooms[twice]}" is named twice)`))
}

// -0 is 0: the stored JSON cannot tell them apart.
const decodeCafe = (input: unknown) =>
  Effect.map(Validation.decode(CafeInput)(input), (fields) => ({
    ...fields,
    location: { lat: fields.location.lat + 0, lon: fields.location.lon + 0 }
  }))

/**
 * Registers a café of the actor's district.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const cafe = Cafes.register(actor, {
 *   name: "성수 일자리카페",
 *   venueType: "youth-space",
 *   address: "서울 성동구 아차산로 100",
 *   location: { lat: 37.5446, lon: 127.0559 },
 *   studyRooms: ["스터디룸 1", "스터디룸 2"]
 * })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const register = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* decodeCafe(yield* fieldsOf("JobCafeInput", input, ["id", "districtId"]))
    yield* distinctRooms(fields.studyRooms)
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next("cafe"))
    return yield* Effect.flatMap(CafeRepository, (r) => r.insert(new StoredCafe({ ...fields, id, districtId: actor.districtId })))
  })

/**
 * Changes a café's name, venue, address, place or rooms, when `version` is
 * the one the change was made from.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const moved = Cafes.update(actor, "cafe-1", 1, {
 *   name: "성수 일자리카페",
 *   venueType: "youth-space",
 *   address: "서울 성동구 왕십리로 115",
 *   location: { lat: 37.5447, lon: 127.0446 },
 *   studyRooms: ["스터디룸 1"]
 * })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const update = (actor: Actor, id: string, version: number, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* decodeCafe(yield* fieldsOf("JobCafeInput", input, ["id", "districtId"]))
    yield* distinctRooms(fields.studyRooms)
    const cafes = yield* CafeRepository
    const current = yield* cafes.get(actor.districtId, id)
    return yield* cafes.update(new StoredCafe({ ...current.value, ...fields }), version)
  })

const byName = (a: Versioned<StoredCafe>, b: Versioned<StoredCafe>) => a.value.name.localeCompare(b.value.name, "ko")

/**
 * The district's cafés by name. They name no person: nothing is logged.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const all = Cafes.list(actor)
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const list = (actor: Actor) =>
  Effect.map(Effect.flatMap(CafeRepository, (r) => r.list(actor.districtId)), (rows) => [...rows].sort(byName))

/**
 * One café of the district.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const cafe = Cafes.get(actor, "cafe-1")
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const get = (actor: Actor, id: string) => Effect.flatMap(CafeRepository, (r) => r.get(actor.districtId, id))

/**
 * The ten-minute-walk finder: the district's cafés within `minutes` of
 * walking from `from` (10 by default, the Seoul plan's promise), nearest
 * first, with their walking minutes (see `JobCafe.withinWalk`).
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // From 왕십리역, fifteen minutes at most.
 * const near = Cafes.nearby(actor, { lat: 37.5612, lon: 127.0371 }, 15)
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const nearby = (actor: Actor, from: unknown, minutes = 10, walking: JobCafe.Walking = JobCafe.defaultWalking) =>
  Effect.gen(function*() {
    const point = yield* Validation.decode(JobCafe.Point)(from)
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 120) {
      return yield* Effect.fail(invalid("Point", "minutes", "must be a number of minutes from 1 to 120"))
    }
    const cafes = yield* Effect.flatMap(CafeRepository, (r) => r.list(actor.districtId))
    return JobCafe.withinWalk(cafes.map((row) => row.value), point, minutes, walking)
      .map(({ place, walkMinutes }) => ({ cafe: place, walkMinutes }))
  })

// ---------------------------------------------------------------------------
// Programs and sign-ups
// ---------------------------------------------------------------------------

/**
 * Schedules a program session at a café of the district.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const clinic = Cafes.scheduleProgram(actor, "cafe-1", { kind: "resume-clinic", on: "2026-05-14", start: "14:00", places: 8 })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const scheduleProgram = (actor: Actor, cafeId: string, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* Validation.decode(ProgramInput)(yield* fieldsOf("JobCafeProgramInput", input, ["id", "districtId", "cafeId"]))
    yield* get(actor, cafeId)
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next("program"))
    return yield* Effect.flatMap(
      CafeProgramRepository,
      (r) => r.insert(new StoredProgram({ ...fields, id, cafeId, districtId: actor.districtId }))
    )
  })

/**
 * A program session with how many signed up and the places left.
 *
 * @since 0.4.0
 * @category models
 */
export interface ProgramWithCount {
  readonly program: Versioned<StoredProgram>
  readonly signedUp: number
  readonly placesLeft: number
}

const withCounts = (actor: Actor, programs: ReadonlyArray<Versioned<StoredProgram>>) =>
  Effect.gen(function*() {
    const signUps = yield* CafeSignUpRepository
    const sorted = [...programs].sort((a, b) =>
      a.value.on.localeCompare(b.value.on) || a.value.start.localeCompare(b.value.start) || a.value.id.localeCompare(b.value.id)
    )
    return yield* Effect.forEach(sorted, (program): Effect.Effect<ProgramWithCount, PersistenceError> =>
      Effect.map(signUps.listByProgram(actor.districtId, program.value.id), (rows) => ({
        program,
        signedUp: rows.length,
        placesLeft: Math.max(0, program.value.places - rows.length)
      })))
  })

/**
 * The district's program sessions held from `from` to `to` (inclusive),
 * by day and time, each with its sign-up count; the count names no person.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const may = Cafes.programs(actor, { from: "2026-05-01", to: "2026-05-31" })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const programs = (actor: Actor, period: { readonly from: string; readonly to: string }) =>
  Effect.gen(function*() {
    const checked = yield* Validation.decode(Schema.Struct({ from: LocalDate, to: LocalDate }))(period)
    yield* checkPeriod("JobCafeProgramPeriod", checked)
    const rows = yield* Effect.flatMap(CafeProgramRepository, (r) => r.listBetween(actor.districtId, checked.from, checked.to))
    return yield* withCounts(actor, rows)
  })

/**
 * A café's program sessions, by day and time, each with its sign-up count.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const held = Cafes.programsOf(actor, "cafe-1")
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const programsOf = (actor: Actor, cafeId: string) =>
  Effect.gen(function*() {
    yield* get(actor, cafeId)
    const rows = yield* Effect.flatMap(CafeProgramRepository, (r) => r.listByCafe(actor.districtId, cafeId))
    return yield* withCounts(actor, rows)
  })

/**
 * Signs a person (a seeker's id, or the id the café knows a visitor by) up
 * for a program session if a place is left, they are not signed up already
 * and it has not started; otherwise fails with `JobCafe.SignUpRefused`.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const taken = Cafes.signUp(actor, "program-1", "seeker-0001")
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const signUp = (actor: Actor, programId: string, personId: string) =>
  inTransaction(Effect.gen(function*() {
    const person = personId.trim()
    if (person === "" || person.length > 200) {
      return yield* Effect.fail(invalid("JobCafeSignUp", "personId", "must name the person, 1 to 200 characters"))
    }
    // A session's places are decided one sign-up at a time.
    yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:cafe-program:${actor.districtId}:${programId}`))
    const program = yield* Effect.flatMap(CafeProgramRepository, (r) => r.get(actor.districtId, programId))
    const store = yield* CafeSignUpRepository
    const taken = yield* store.listByProgram(actor.districtId, programId)
    const millis = yield* Clock.currentTimeMillis
    const signed = yield* JobCafe.signUp(program.value, taken.map((row) => row.value), person, koreanNow(millis))
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next("sign-up"))
    const stored = yield* store.insert(new StoredSignUp({ ...signed, id, districtId: actor.districtId, signedUpAt: DateTime.unsafeMake(millis) }))
    yield* logPeople(actor, "create", [stored.value], "cafeProgram.signUp")
    return stored
  }))

/**
 * Who signed up for a program session, in the order they did; each person
 * shown is logged.
 *
 * @example
 * ```ts
 * import { Cafes, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const who = Cafes.signUps(actor, "program-1")
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const signUps = (actor: Actor, programId: string) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(CafeProgramRepository, (r) => r.get(actor.districtId, programId))
    const rows = yield* Effect.flatMap(CafeSignUpRepository, (r) => r.listByProgram(actor.districtId, programId))
    yield* logPeople(actor, "read", rows.map((row) => row.value), "cafeProgram.signUps")
    return [...rows].sort((a, b) =>
      DateTime.toEpochMillis(a.value.signedUpAt) - DateTime.toEpochMillis(b.value.signedUpAt) || a.value.id.localeCompare(b.value.id)
    )
  })

// ---------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------

/**
 * The district's job cafés (see `Cafes`).
 *
 * @since 0.4.0
 * @category ports
 */
export class CafeRepository extends Context.Tag("@iljari/core/CafeRepository")<CafeRepository, Store<StoredCafe, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<StoredCafe, string>(db, "job café"))
}

/**
 * The program sessions of the district's cafés (see `Cafes`).
 *
 * @since 0.4.0
 * @category ports
 */
export class CafeProgramRepository extends Context.Tag("@iljari/core/CafeProgramRepository")<
  CafeProgramRepository,
  Store<StoredProgram, string> & {
    readonly listByCafe: (districtId: DistrictId, cafeId: string) => Effect.Effect<ReadonlyArray<Versioned<StoredProgram>>, PersistenceError>
    /** The sessions held from `from` to `to`, inclusive. */
    readonly listBetween: (
      districtId: DistrictId,
      from: string,
      to: string
    ) => Effect.Effect<ReadonlyArray<Versioned<StoredProgram>>, PersistenceError>
  }
>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const store = Memory.store<StoredProgram, string>(db, "job café program")
    return {
      ...store,
      listByCafe: (districtId: DistrictId, cafeId: string) => store.filter(districtId, (p) => p.cafeId === cafeId),
      listBetween: (districtId: DistrictId, from: string, to: string) => store.filter(districtId, (p) => p.on >= from && p.on <= to)
    }
  })
}

/**
 * Sign-ups for the cafés' program sessions (see `Cafes`).
 *
 * @since 0.4.0
 * @category ports
 */
export class CafeSignUpRepository extends Context.Tag("@iljari/core/CafeSignUpRepository")<
  CafeSignUpRepository,
  Store<StoredSignUp, string> & {
    readonly listByProgram: (districtId: DistrictId, programId: string) => Effect.Effect<ReadonlyArray<Versioned<StoredSignUp>>, PersistenceError>
    /** The sign-ups of anyone the café knows by one of `personIds`. */
    readonly listByPeople: (
      districtId: DistrictId,
      personIds: ReadonlyArray<string>
    ) => Effect.Effect<ReadonlyArray<Versioned<StoredSignUp>>, PersistenceError>
  }
>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const store = Memory.store<StoredSignUp, string>(db, "job café sign-up")
    return {
      ...store,
      listByProgram: (districtId: DistrictId, programId: string) => store.filter(districtId, (s) => s.programId === programId),
      listByPeople: (districtId: DistrictId, personIds: ReadonlyArray<string>) =>
        store.filter(districtId, (s) => personIds.includes(s.personId))
    }
  })
}
