/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 채용박람회: the district's job fairs, run step by step with core's
 * `JobFair` use cases — plan a fair with employers' openings, pre-select
 * seekers by match score, invite them by the means they agreed to, record
 * who came, make the interview timetable (shown as a grid, printed one page
 * per employer and per seeker), and record each interview's result; a hire
 * is a referral and a placement that counts for the center.
 *
 * For staff who record casework (counselors and managers). Every step
 * posts the fair's version: a step taken meanwhile by a colleague is
 * refused (409) and the fair shown as it now stands.
 *
 * - `GET /fairs`, `GET|POST /fairs/new` (the form; a post finds employers),
 *   `POST /fairs`, `GET /fairs/:id`
 * - `POST /fairs/:id/preselect|invite|attendance|schedule|results`
 * - `GET /fairs/:id/print/employers|seekers`
 */
import { HttpRouter } from "@effect/platform"
import { CaseFile, EmployerSearch, Ids, JobCenter, JobFair, type Validation } from "@iljari/core"
import { Effect, Either } from "effect"
import type { Form } from "../http/Form.js"
import type { Handler, Routes, Services } from "../http/Handler.js"
import { pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { caseworkPage, redirect } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href } from "../ui/View.js"
import { FairList, FairPage, PrintPage } from "./fairs/FairPage.js"
import { type Chosen, fairFormValues, fieldOf, type Found, NewFairPage, planOf } from "./fairs/NewFair.js"

/** A fair's page needs names: of its seekers (logged by `JobFair.get`), openings and employers. */
const namesFor = (signedIn: Signed, fair: JobFair.JobFair) =>
  CaseFile.namesOf(signedIn.actor, {
    seekers: [...fair.candidates.map((c) => c.seekerId), ...fair.invitations.map((i) => i.seekerId), ...fair.skipped.map((s) => s.seekerId)],
    openings: fair.employers.flatMap((e) => e.openingIds),
    employers: fair.employers.map((e) => e.employerId)
  })

const fairIdOf = pathId(Ids.JobFairId)

// ---------------------------------------------------------------------------
// The list and the new fair
// ---------------------------------------------------------------------------

const listFairs: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    return yield* html(<FairList view={signedIn.view} fairs={yield* JobFair.list(signedIn.actor)} />)
  }))

// The chosen openings, named, and the employers a name search finds with their open openings.
const formPage = (signedIn: Signed, form: Form | undefined, problems: Record<string, string>, status = 200) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const values = form === undefined ? fairFormValues(() => undefined, () => [], []) : fairFormValues(form.get, form.all, form.names())
    const keys = values.openings.map((key) => key.split("/") as [string, string])
    const names = yield* CaseFile.namesOf(actor, {
      openings: keys.map(([, openingId]) => openingId as Ids.OpeningId),
      employers: keys.map(([employerId]) => employerId as Ids.EmployerId)
    })
    const chosen: ReadonlyArray<Chosen> = keys.map(([employerId, openingId]) => ({
      key: `${employerId}/${openingId}`,
      employerId,
      employer: names.employer(employerId as Ids.EmployerId),
      opening: names.opening(openingId as Ids.OpeningId)
    }))
    let found: ReadonlyArray<Found> | undefined
    if (values.q.trim() !== "") {
      const employers = yield* EmployerSearch.searchEmployers(actor, { name: values.q }, { limit: 10 }).pipe(
        Effect.catchTag("ValidationError", () => Effect.succeed({ items: [], total: 0, next: undefined }))
      )
      found = yield* Effect.forEach(employers.items, (row) =>
        Effect.map(
          EmployerSearch.searchOpenings(actor, { employerId: row.value.id, status: "open" }, { limit: 20 }),
          (openings): Found => ({ employer: row.value, openings: openings.items })
        ))
    }
    return yield* html(<NewFairPage view={view} values={values} found={found} chosen={chosen} problems={problems} />, { status })
  })

const newFair: Handler = caseworkPage((signedIn) => formPage(signedIn, undefined, {}))

const findEmployers: Handler = caseworkPage((signedIn, form) => formPage(signedIn, form, {}))

const createFair: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const values = fairFormValues(form.get, form.all, form.names())
    const attempt = yield* Effect.either(JobFair.create(signedIn.actor, planOf(values)))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/fairs/${attempt.right.value.id}?done=created`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems = { ...problemsOf(signedIn.view.say, attempt.left, fieldOf(values)) }
    if (values.openings.length === 0) {
      problems["openings"] = signedIn.view.say("참여할 공고를 하나 이상 고르세요.", "Choose at least one opening.")
    }
    return yield* formPage(signedIn, form, problems, 422)
  }))

// ---------------------------------------------------------------------------
// A fair, step by step
// ---------------------------------------------------------------------------

const done = {
  created: { ko: "채용박람회를 만들었습니다. 후보를 선정하세요.", en: "The fair is planned. Pre-select the seekers next." },
  preselect: { ko: "후보를 선정했습니다.", en: "Seekers pre-selected." },
  invite: { ko: "후보를 초대했습니다.", en: "Candidates invited." },
  attendance: { ko: "참석을 기록했습니다.", en: "Attendance recorded." },
  schedule: { ko: "면접 시간표를 짰습니다.", en: "The timetable is made." },
  results: { ko: "면접 결과를 기록했습니다.", en: "The result is recorded." }
} as const

// The section of the fair's page a step's result is in (its heading's id).
const sectionOf = {
  preselect: "step-candidates",
  invite: "step-invitations",
  attendance: "step-attendance",
  schedule: "step-timetable",
  results: "step-results"
} as const

const fairPage = (signedIn: Signed, options: { readonly notice?: string; readonly problem?: string; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const fair = yield* JobFair.get(signedIn.actor, yield* fairIdOf)
    const names = yield* namesFor(signedIn, fair.value)
    return yield* html(
      <FairPage view={signedIn.view} fair={fair} names={names} today={yield* JobCenter.today} notice={options.notice} problem={options.problem} />,
      { status: options.status ?? 200 }
    )
  })

const showFair: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const step = (yield* query).get("done")
    const notice = step !== null && step in done ? done[step as keyof typeof done] : undefined
    return yield* fairPage(signedIn, notice === undefined ? {} : { notice: notice[signedIn.view.lang] })
  }))

/** A step's post: its use case, then the fair with a notice — or the fair again with the refusal. */
const step = <E extends { readonly _tag: string }, R extends Services>(
  name: Exclude<keyof typeof done, "created">,
  run: (actor: JobCenter.Actor, id: Ids.JobFairId, version: number, form: Form) => Effect.Effect<unknown, E, R>
): Handler =>
  caseworkPage((signedIn, form) =>
    Effect.gen(function*() {
      const { say } = signedIn.view
      const id = yield* fairIdOf
      const attempt = yield* Effect.either(run(signedIn.actor, id, Number(form.get("version") ?? "NaN"), form))
      if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/fairs/${id}?done=${name}#${sectionOf[name]}`))
      const error = attempt.left
      if (error._tag === "StaleVersion") {
        return yield* fairPage(signedIn, {
          problem: say("다른 사용자가 이 박람회를 먼저 바꿨습니다. 지금의 상태를 확인한 뒤 다시 하세요.", "Someone else changed this fair first. Check it as it stands now, then try again."),
          status: 409
        })
      }
      if (error._tag === "ValidationError") {
        const issues = (error as unknown as Validation.ValidationError).issues.map((issue) => `${issue.path}: ${ruleIn(say, issue.message)}`)
        return yield* fairPage(signedIn, { problem: issues.join(" "), status: 422 })
      }
      return yield* Effect.fail(error)
    }))

const perOpening = (form: Form) => {
  const n = Number(form.get("perOpening") ?? "5")
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 5
}

const preselect = step("preselect", (actor, id, version, form) => JobFair.preselect(actor, id, version, perOpening(form)))
const invite = step("invite", (actor, id, version) => JobFair.invite(actor, id, version))
const attendance = step("attendance", (actor, id, version, form) => JobFair.recordAttendance(actor, id, version, form.all("seeker")))
const schedule = step("schedule", (actor, id, version) => JobFair.schedule(actor, id, version))
const results = step("results", (actor, id, version, form) => {
  const result = form.get("result")
  const startOn = form.get("startOn")
  return JobFair.recordResult(actor, id, version, {
    seekerId: form.get("seekerId"),
    employerId: form.get("employerId"),
    result,
    // A start day matters for a hire only.
    ...(result === "hired" && startOn !== undefined ? { startOn } : {})
  })
})

const print = (by: "employers" | "seekers"): Handler =>
  caseworkPage((signedIn) =>
    Effect.gen(function*() {
      const fair = yield* JobFair.get(signedIn.actor, yield* fairIdOf)
      const names = yield* namesFor(signedIn, fair.value)
      return yield* html(<PrintPage view={signedIn.view} fair={fair.value} names={names} by={by} />)
    }))

export const fairRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/fairs", listFairs),
  HttpRouter.get("/fairs/new", newFair),
  HttpRouter.post("/fairs/new", findEmployers),
  HttpRouter.post("/fairs", createFair),
  HttpRouter.get("/fairs/:id", showFair),
  HttpRouter.post("/fairs/:id/preselect", preselect),
  HttpRouter.post("/fairs/:id/invite", invite),
  HttpRouter.post("/fairs/:id/attendance", attendance),
  HttpRouter.post("/fairs/:id/schedule", schedule),
  HttpRouter.post("/fairs/:id/results", results),
  HttpRouter.get("/fairs/:id/print/employers", print("employers")),
  HttpRouter.get("/fairs/:id/print/seekers", print("seekers"))
)
