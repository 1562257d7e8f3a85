/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The employer and opening pages' routes (구인업체·구인공고): the two lists
 * and their searches, registering an employer (once per business number) and
 * an opening for it, the employer's page with its openings, and the
 * opening's page with its best seekers and a close that shows a conflict
 * rather than overwrite a newer version.
 */
import { HttpRouter } from "@effect/platform"
import { CaseFile, Codes, EmployerSearch, Ids, JobCenter, Opening, Recommendations, type Validation } from "@iljari/core"
import { Effect, Either, Option, Schema } from "effect"
import type { Handler, Routes } from "../http/Handler.js"
import { idOf, NotFound, pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { partOrPage, redirect, staffPage } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import { problemsOf } from "../ui/Rules.js"
import { type Problems, ProblemSummary } from "../ui/Fields.js"
import { CsrfField, Page } from "../ui/Layout.js"
import { href, type View } from "../ui/View.js"
import * as EmployerForm from "./employers/EmployerForm.js"
import { employerList, employerSearch } from "./employers/EmployerList.js"
import { EmployerPage, isEmployerNotice } from "./employers/EmployerPage.js"
import * as OpeningForm from "./employers/OpeningForm.js"
import { openingList, openingSearch } from "./employers/OpeningList.js"
import { BestSeekers, isClosingStatus, isOpeningNotice, OpeningPage, recommended } from "./employers/OpeningPage.js"

const employerIdOf = pathId(Ids.EmployerId)
const openingIdOf = pathId(Ids.OpeningId)

const queryOf = (name: string) =>
  Effect.map(query, (params) => params.get(name))

const today = JobCenter.today

// ---------------------------------------------------------------------------
// Registering an employer
// ---------------------------------------------------------------------------

const DuplicateNotice = ({ view, existingId }: { readonly view: View; readonly existingId: string }) => (
  <div class="notice error" role="alert">
    {view.say("이 사업자등록번호로 등록된 구인업체가 이미 있습니다. 새로 등록하지 말고 기존 업체에 공고를 등록하세요. ", "An employer with this business registration number is already registered; register openings for it instead. ")}
    <a href={href(view, `/employers/${existingId}`)}>{view.say("기존 업체 열기", "Open the existing employer")}</a>
  </div>
)

const EmployerFormPage = ({ view, values, problems, duplicate }: {
  readonly view: View
  readonly values: EmployerForm.Values
  readonly problems: Problems
  readonly duplicate?: string | undefined
}) => {
  const { say } = view
  const count = Object.keys(problems).length
  return (
    <Page view={view} title={say("구인업체 등록", "Register an employer")}>
      {duplicate === undefined ? null : <DuplicateNotice view={view} existingId={duplicate} />}
      <ProblemSummary problems={problems} labels={EmployerForm.labels(say)} title={say(`${count}개 항목을 고쳐 주세요`, `Fix ${count} field(s)`)} />
      <form method="post" action={href(view, "/employers")} novalidate>
        <CsrfField view={view} />
        <EmployerForm.EmployerFields view={view} values={values} problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("등록", "Register")}</button>
          <a class="krds-btn tertiary large" href={href(view, "/employers")}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

const isRegion = Schema.is(Codes.RegionCode)

const newEmployer: Handler = staffPage(({ actor, view }) =>
  html(<EmployerFormPage view={view} values={isRegion(actor.districtId) ? { addressRegion: actor.districtId } : {}} problems={{}} />))

const registerEmployer: Handler = staffPage(({ actor, view }, form) =>
  Effect.gen(function*() {
    const values = EmployerForm.valuesOf(form)
    // One record per business: the one already registered is offered instead.
    const existing = yield* EmployerSearch.employerWithBusinessNumber(actor, values["businessNumber"] ?? "")
    if (Option.isSome(existing)) {
      return yield* html(<EmployerFormPage view={view} values={values} problems={{}} duplicate={existing.value} />, { status: 409 })
    }
    const attempt = yield* Effect.either(JobCenter.registerEmployer(actor, EmployerForm.inputOf(values)))
    if (attempt._tag === "Right") return yield* redirect(href(view, `/employers/${attempt.right.value.id}?done=registered`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems = problemsOf(view.say, attempt.left, EmployerForm.fieldOf(values))
    return yield* html(<EmployerFormPage view={view} values={values} problems={problems} />, { status: 422 })
  }))

// ---------------------------------------------------------------------------
// The employer's page
// ---------------------------------------------------------------------------

const showEmployer: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const id = yield* employerIdOf
    const stored = yield* EmployerSearch.getEmployer(actor, id)
    const openings = yield* EmployerSearch.searchOpenings(actor, { employerId: id, sort: "openedOn", order: "desc" }, { limit: JobCenter.maxPageSize })
    const done = yield* queryOf("done")
    return yield* html(<EmployerPage view={view} employer={stored.value} openings={openings} notice={isEmployerNotice(done) ? done : undefined} />)
  }))

// ---------------------------------------------------------------------------
// Registering an opening
// ---------------------------------------------------------------------------

const OpeningFormPage = ({ view, values, problems, employerName }: {
  readonly view: View
  readonly values: OpeningForm.Values
  readonly problems: Problems
  readonly employerName: string
}) => {
  const { say } = view
  const count = Object.keys(problems).length
  const employerId = typeof values["employerId"] === "string" ? values["employerId"] : ""
  return (
    <Page view={view} title={say(`${employerName} 구인공고 등록`, `Register an opening at ${employerName}`)}>
      <ProblemSummary problems={problems} labels={OpeningForm.labels(say)} title={say(`${count}개 항목을 고쳐 주세요`, `Fix ${count} field(s)`)} />
      <form method="post" action={href(view, "/openings")} novalidate>
        <CsrfField view={view} />
        <OpeningForm.OpeningFields view={view} values={values} problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("등록", "Register")}</button>
          <a class="krds-btn tertiary large" href={href(view, `/employers/${employerId}`)}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

const ChooseEmployer = ({ view }: { readonly view: View }) => (
  <Page view={view} title={view.say("구인공고 등록", "Register an opening")}>
    <p>{view.say("구인공고는 업체별로 등록합니다. 구인업체 목록에서 업체를 고른 뒤 '구인공고 등록'을 누르세요.", "Openings are registered per employer: choose the employer from the list, then 'Register an opening'.")}</p>
    <div class="actions">
      <a class="krds-btn primary" href={href(view, "/employers")}>{view.say("구인업체 목록", "All employers")}</a>
    </div>
  </Page>
)

const newOpening: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const param = yield* queryOf("employer")
    if (param === null || param === "") return yield* html(<ChooseEmployer view={view} />)
    const employer = yield* EmployerSearch.getEmployer(actor, yield* idOf(Ids.EmployerId, param))
    return yield* html(
      <OpeningFormPage view={view} values={OpeningForm.valuesForEmployer(employer.value, yield* today)} problems={{}} employerName={employer.value.name} />
    )
  }))

const registerOpening: Handler = staffPage(({ actor, view }, form) =>
  Effect.gen(function*() {
    const values = OpeningForm.valuesOf(form)
    const employerId = yield* idOf(Ids.EmployerId, form.get("employerId"))
    const input = OpeningForm.inputOf(values)
    const own = OpeningForm.occupationProblem(view, values)
    let invalid: Validation.ValidationError | undefined
    if (Object.keys(own).length === 0) {
      const attempt = yield* Effect.either(JobCenter.registerOpening(actor, input))
      if (attempt._tag === "Right") return yield* redirect(href(view, `/openings/${attempt.right.value.id}?done=registered`))
      if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
      invalid = attempt.left
    } else {
      // Nothing is registered with a problem of the form's own; core's rules are still checked
      // (decoding only, under a placeholder id) so that every field's problem shows at once.
      invalid = Option.getOrUndefined(Either.getLeft(Opening.decodeEither({ ...input, id: "opening-unsaved", districtId: actor.districtId })))
    }
    // The employer's name only (no contact persons): nothing to log.
    const names = yield* CaseFile.namesOf(actor, { employers: [employerId] })
    if (names.employer(employerId) === employerId) return yield* new NotFound()
    const problems = invalid === undefined ? own : { ...problemsOf(view.say, invalid, OpeningForm.fieldOf(values)), ...own }
    return yield* html(<OpeningFormPage view={view} values={values} problems={problems} employerName={names.employer(employerId)} />, { status: 422 })
  }))

// ---------------------------------------------------------------------------
// The opening's page, its best seekers, closing it
// ---------------------------------------------------------------------------

const openingPage = (signedIn: Signed, extra: { readonly conflict?: boolean; readonly problems?: Problems; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const stored = yield* EmployerSearch.getOpening(actor, yield* openingIdOf)
    const names = yield* CaseFile.namesOf(actor, { employers: [stored.value.employerId] })
    const done = yield* queryOf("done")
    return yield* html(
      <OpeningPage
        view={view}
        opening={stored.value}
        version={stored.version}
        employerName={names.employer(stored.value.employerId)}
        notice={isOpeningNotice(done) ? done : undefined}
        conflict={extra.conflict ?? false}
        problems={extra.problems ?? {}}
      />,
      { status: extra.status ?? 200 }
    )
  })

const showOpening: Handler = staffPage((signedIn) => openingPage(signedIn))

const bestSeekers: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const id = yield* openingIdOf
    const opening = yield* EmployerSearch.getOpening(actor, id)
    // Every seeker shown is logged by the service (`recommendations.seekers`).
    const found = opening.value.status === "open"
      ? yield* Effect.flatMap(Recommendations.Recommendations, (service) => service.seekersFor(actor, id, recommended))
      : []
    return yield* partOrPage(
      view,
      view.say(`${opening.value.title} 추천 구직자`, `Recommended seekers for ${opening.value.title}`),
      <BestSeekers view={view} opening={opening.value} found={found} />
    )
  }))

const closeOpening: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const id = yield* openingIdOf
    const status = form.get("status") ?? "closed"
    if (!isClosingStatus(status)) {
      return yield* openingPage(signedIn, { problems: { status: view.say("목록에 있는 값을 고르세요", "Choose one of the list") }, status: 422 })
    }
    const stored = yield* EmployerSearch.getOpening(actor, id)
    // The record as stored with its new status, saved only if it is still the version the person saw.
    const input = { ...Schema.encodeSync(Opening.Opening)(stored.value), status }
    const attempt = yield* Effect.either(JobCenter.updateOpening(actor, id, Number(form.get("version")), input))
    if (attempt._tag === "Left") {
      return attempt.left._tag === "StaleVersion"
        ? yield* openingPage(signedIn, { conflict: true, status: 409 })
        : yield* Effect.fail(attempt.left)
    }
    // A closed opening must not be recommended to seekers from an index up to minutes old.
    yield* Effect.flatMap(Recommendations.Recommendations, (service) => service.invalidate(actor.districtId))
    return yield* redirect(href(view, `/openings/${id}?done=closed`))
  }))

export const employerRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/employers", employerList),
  HttpRouter.post("/employers/search", employerSearch),
  HttpRouter.get("/employers/new", newEmployer),
  HttpRouter.post("/employers", registerEmployer),
  HttpRouter.get("/employers/:id", showEmployer),
  HttpRouter.get("/openings", openingList),
  HttpRouter.post("/openings/search", openingSearch),
  HttpRouter.get("/openings/new", newOpening),
  HttpRouter.post("/openings", registerOpening),
  HttpRouter.get("/openings/:id", showOpening),
  HttpRouter.get("/openings/:id/seekers", bestSeekers),
  HttpRouter.post("/openings/:id/close", closeOpening)
)
