/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 일자리카페: the district's job cafés with core's `Cafes` and `StudyRooms`
 * use cases — the list with the ten-minute-walk finder and the form that
 * registers a café; a café's program sessions (schedule one, sign people
 * up while places are left); and its study rooms' booking calendar, a day
 * at a time, with the 3-hours-a-day rule applied as it is booked.
 *
 * For staff who record casework (counselors and managers).
 *
 * - `GET|POST /cafes` (the finder answers `?station=` or `?from-lat=&from-lon=`, with `minutes=`)
 * - `GET /cafes/:id`, `POST /cafes/:id/programs`, `POST /cafes/:id/programs/:programId/sign-ups`,
 *   `POST /cafes/:id/seekers` (a seeker search by name for the sign-ups)
 * - `GET|POST /cafes/:id/rooms?on=YYYY-MM-DD`, `POST /cafes/:id/rooms/seekers` (the seeker to book for, by name)
 */
import { HttpRouter } from "@effect/platform"
import { Cafes, CaseFile, type Ids, JobCafe, JobCenter, LocalDate, StudyRooms } from "@iljari/core"
import { Effect, Either, Schema } from "effect"
import type { Handler, Routes } from "../http/Handler.js"
import { pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { caseworkPage, redirect } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import type { Problems } from "../ui/Fields.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href } from "../ui/View.js"
import { cafeFieldOf, cafeFormValues, type CafeFormValues, cafeInputOf, CafeListPage, emptyCafeForm, type FinderAnswer } from "./cafes/CafeList.js"
import { CafePage, programFormValues, type ProgramFormValues, programInputOf } from "./cafes/CafePage.js"
import { type BookingFormValues, bookingFormValues, RoomCalendarPage } from "./cafes/RoomCalendar.js"
import { stationsOf } from "./cafes/Stations.js"
import { type NameSearch, searchByName } from "./seekers/NameSearch.js"


const cafeIdOf = pathId(Schema.String.pipe(Schema.minLength(1)))

// What people booked or signed up are called: a seeker by their name, anyone else as the café knows them.
const personNames = (signedIn: Signed, personIds: Iterable<string>) =>
  Effect.map(CaseFile.namesOf(signedIn.actor, { seekers: [...personIds] as ReadonlyArray<string> as ReadonlyArray<Ids.SeekerId> }), (names) => (id: string) =>
    names.seeker(id as Ids.SeekerId))

// ---------------------------------------------------------------------------
// The list, the finder and a new café
// ---------------------------------------------------------------------------

const listPage = (signedIn: Signed, form: CafeFormValues, problems: Problems, status: number) =>
  Effect.gen(function*() {
    const { view, actor } = signedIn
    const q = yield* query
    const stations = stationsOf(actor.districtId)
    const finder = {
      station: q.get("station") ?? "",
      lat: q.get("from-lat") ?? "",
      lon: q.get("from-lon") ?? "",
      minutes: q.get("minutes") ?? "10"
    }
    const station = stations.find((s) => s.id === finder.station)
    let answer: FinderAnswer | undefined
    let finderProblem: string | undefined
    const asked = station !== undefined || finder.lat.trim() !== "" || finder.lon.trim() !== ""
    if (asked) {
      const from = station ?? { lat: Number(finder.lat.trim() === "" ? Number.NaN : finder.lat), lon: Number(finder.lon.trim() === "" ? Number.NaN : finder.lon) }
      const minutes = Number(finder.minutes)
      const found = yield* Effect.either(Cafes.nearby(actor, { lat: from.lat, lon: from.lon }, minutes).pipe(
        Effect.catchTag("PersistenceError", Effect.die)
      ))
      if (Either.isRight(found)) {
        const name = station === undefined ? `${from.lat}, ${from.lon}` : view.say(station.ko, station.en)
        answer = { from: name, minutes, found: found.right }
      } else {
        finderProblem = found.left.issues.map((issue) =>
          `${issue.path === "minutes" ? view.say("걷는 시간", "Minutes") : issue.path === "lat" ? view.say("출발지 위도", "Latitude") : view.say("출발지 경도", "Longitude")}: ${ruleIn(view.say, issue.message)}`
        ).join(" ")
      }
    }
    return yield* html(
      <CafeListPage
        view={view}
        cafes={yield* Cafes.list(actor)}
        stations={stations}
        query={finder}
        answer={answer}
        finderProblem={finderProblem}
        form={form}
        problems={problems}
      />,
      { status }
    )
  })

const listCafes: Handler = caseworkPage((signedIn) => listPage(signedIn, emptyCafeForm, {}, 200))

const registerCafe: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const values = cafeFormValues(form.get)
    const attempt = yield* Effect.either(Cafes.register(signedIn.actor, cafeInputOf(values)))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/cafes/${attempt.right.value.id}?done=registered`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    return yield* listPage(signedIn, values, problemsOf(signedIn.view.say, attempt.left, cafeFieldOf), 422)
  }))

// ---------------------------------------------------------------------------
// A café and its programs
// ---------------------------------------------------------------------------

const done = {
  registered: { ko: "일자리카페를 등록했습니다.", en: "The café is registered." },
  scheduled: { ko: "프로그램을 등록했습니다.", en: "The program is scheduled." },
  "signed-up": { ko: "신청을 받았습니다.", en: "Signed up." },
  booked: { ko: "예약했습니다.", en: "Booked." }
} as const

const noticeOf = (signedIn: Signed, step: string | null) =>
  step !== null && step in done ? done[step as keyof typeof done][signedIn.view.lang] : undefined

const cafePage = (
  signedIn: Signed,
  options: {
    readonly form?: ProgramFormValues
    readonly problems?: Problems
    readonly notice?: string | undefined
    readonly refusal?: { readonly programId: string; readonly message: string }
    readonly signUpValue?: { readonly programId: string; readonly person: string }
    readonly search?: NameSearch
    readonly status?: number
  } = {}
) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const cafe = yield* Cafes.get(actor, yield* cafeIdOf)
    const programs = yield* Cafes.programsOf(actor, cafe.value.id)
    const signUps = yield* Effect.forEach(programs, (p) => Cafes.signUps(actor, p.program.value.id))
    const names = yield* personNames(signedIn, signUps.flatMap((rows) => rows.map((row) => row.value.personId)))
    const sessions = programs.map((p, i) => ({ ...p, people: signUps[i]!.map((row) => names(row.value.personId)) }))
    return yield* html(
      <CafePage
        view={view}
        cafe={cafe.value}
        sessions={sessions}
        form={options.form ?? programFormValues(() => undefined, yield* JobCenter.today)}
        problems={options.problems ?? {}}
        notice={options.notice}
        refusal={options.refusal}
        signUpValue={options.signUpValue}
        search={options.search}
      />,
      { status: options.status ?? 200 }
    )
  })

const showCafe: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    return yield* cafePage(signedIn, { notice: noticeOf(signedIn, (yield* query).get("done")) })
  }))

const scheduleProgram: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const id = yield* cafeIdOf
    const values = programFormValues(form.get, "")
    const attempt = yield* Effect.either(Cafes.scheduleProgram(signedIn.actor, id, programInputOf(values)))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/cafes/${id}?done=scheduled#programs`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    return yield* cafePage(signedIn, { form: values, problems: problemsOf(signedIn.view.say, attempt.left), status: 422 })
  }))

const signUp: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const { say } = signedIn.view
    const id = yield* cafeIdOf
    const programId = (yield* HttpRouter.params)["programId"] ?? ""
    // The session must be this café's: another café's is not found here.
    const program = yield* Effect.flatMap(Cafes.CafeProgramRepository, (r) => r.get(signedIn.actor.districtId, programId))
    if (program.value.cafeId !== id) return yield* Effect.fail(new NotFoundHere())
    // A seeker chosen from the search, or a visitor as typed.
    const person = (form.get("seeker") || form.get("person") || "").trim()
    if (person === "") {
      return yield* cafePage(signedIn, {
        refusal: { programId, message: say("신청할 구직자를 고르거나 방문자를 입력하세요.", "Choose a seeker or type the visitor.") },
        status: 422
      })
    }
    const attempt = yield* Effect.either(Cafes.signUp(signedIn.actor, programId, person))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/cafes/${id}?done=signed-up#programs`))
    const error = attempt.left
    const message = error._tag === "SignUpRefused"
      ? say(error.messageKo, error.message)
      : error._tag === "ValidationError"
      ? error.issues.map((issue) => ruleIn(say, issue.message)).join(" ")
      : undefined
    if (message === undefined) return yield* Effect.fail(error)
    return yield* cafePage(signedIn, {
      refusal: { programId, message: say(`신청할 수 없습니다: ${message}`, `Cannot sign up: ${message}`) },
      signUpValue: { programId, person },
      status: error._tag === "SignUpRefused" ? 409 : 422
    })
  }))

// Seekers by name, for the sign-up forms (each found is logged).
const findSeekers: Handler = caseworkPage((signedIn, form) =>
  Effect.flatMap(searchByName(signedIn, form.get("q") ?? ""), (search) =>
    cafePage(signedIn, { search, status: search.problem === undefined ? 200 : 422 })))

class NotFoundHere extends Schema.TaggedError<NotFoundHere>()("NotFound", {}) {}

// ---------------------------------------------------------------------------
// The study rooms' day
// ---------------------------------------------------------------------------

const dayOf = (text: string | null | undefined, today: LocalDate.LocalDate) =>
  Either.getOrElse(Schema.decodeUnknownEither(LocalDate.LocalDate)(text), () => today)

// The rooms' day with the booking form: empty, or as sent with why it was refused, or with a seeker search.
const calendarPage = (
  signedIn: Signed,
  on: LocalDate.LocalDate,
  options: {
    readonly form?: BookingFormValues
    readonly reasons?: ReadonlyArray<string>
    readonly status?: number
    readonly notice?: string | undefined
    readonly search?: NameSearch
  } = {}
) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const cafe = yield* Cafes.get(actor, yield* cafeIdOf)
    const day = yield* StudyRooms.bookingsOn(actor, on)
    const names = yield* personNames(signedIn, day.map((b) => b.value.personId))
    return yield* html(
      <RoomCalendarPage
        view={view}
        cafe={cafe.value}
        on={on}
        previous={LocalDate.addDays(on, -1)}
        next={LocalDate.addDays(on, 1)}
        day={day.map((b) => b.value)}
        names={names}
        rules={JobCafe.defaultRules}
        form={options.form ?? bookingFormValues(() => undefined)}
        reasons={options.reasons ?? []}
        notice={options.notice}
        search={options.search}
      />,
      { status: options.status ?? 200 }
    )
  })

const showRooms: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const q = yield* query
    const on = dayOf(q.get("on"), yield* JobCenter.today)
    return yield* calendarPage(signedIn, on, { notice: noticeOf(signedIn, q.get("done")) })
  }))

const bookRoom: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const { say } = signedIn.view
    const id = yield* cafeIdOf
    const on = dayOf(form.get("on"), yield* JobCenter.today)
    // A seeker chosen from the name search books in their own name; a visitor is typed in.
    const chosen = form.get("seeker") ?? ""
    const values = bookingFormValues((name) => (name === "person" && chosen !== "" ? chosen : form.get(name)))
    const attempt = yield* Effect.either(StudyRooms.reserve(signedIn.actor, {
      cafeId: id,
      roomId: values.room,
      personId: values.person.trim(),
      on,
      start: values.start,
      end: values.end
    }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/cafes/${id}/rooms?on=${on}&done=booked#grid`))
    const error = attempt.left
    if (error._tag === "BookingRefused") {
      return yield* calendarPage(signedIn, on, { form: values, reasons: error.reasons.map((r) => say(r.message.ko, r.message.en)), status: 409 })
    }
    if (error._tag === "ValidationError") {
      const field = (path: string) =>
        path === "personId" ? say("이용자", "Person") : path === "roomId" ? say("스터디룸", "Room") : path === "start" ? say("시작", "From") : path === "end" ? say("종료", "To") : path
      const reasons = error.issues.map((issue) => `${field(issue.path)}: ${ruleIn(say, issue.message)}`)
      return yield* calendarPage(signedIn, on, { form: values, reasons, status: 422 })
    }
    return yield* Effect.fail(error)
  }))

// The seeker to book for, by name (each found is logged).
const findBooker: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const on = dayOf(form.get("on"), yield* JobCenter.today)
    const search = yield* searchByName(signedIn, form.get("q") ?? "")
    return yield* calendarPage(signedIn, on, { search, status: search.problem === undefined ? 200 : 422 })
  }))

export const cafeRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/cafes", listCafes),
  HttpRouter.post("/cafes", registerCafe),
  HttpRouter.get("/cafes/:id", showCafe),
  HttpRouter.post("/cafes/:id/programs", scheduleProgram),
  HttpRouter.post("/cafes/:id/programs/:programId/sign-ups", signUp),
  HttpRouter.post("/cafes/:id/seekers", findSeekers),
  HttpRouter.get("/cafes/:id/rooms", showRooms),
  HttpRouter.post("/cafes/:id/rooms", bookRoom),
  HttpRouter.post("/cafes/:id/rooms/seekers", findBooker)
)
