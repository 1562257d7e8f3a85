/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The seeker pages' routes: the list and search, registration, the case
 * file, an edit (which shows a conflict rather than overwrite a newer
 * version), the counseling log, the matches and a referral.
 */
import { HttpRouter } from "@effect/platform"
import { CaseFile, Ids, JobCenter, Recommendations, Seeker } from "@iljari/core"
import { DateTime, Effect } from "effect"
import type { Handler, Routes } from "../http/Handler.js"
import { idOf, pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { partOrPage, redirect, staffPage } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import { type Problems, ProblemSummary } from "../ui/Fields.js"
import { CsrfField, Page } from "../ui/Layout.js"
import { problemsOf } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"
import { CaseFilePage, isNotice, Matches } from "./seekers/CaseFilePage.js"
import { seekerList, seekerSearch } from "./seekers/List.js"
import { consentProblem, fieldOf, inputOf, labels, SeekerFields, type Values, valuesFromRecord, valuesOf } from "./seekers/SeekerForm.js"

const seekerIdOf = pathId(Ids.SeekerId)

const noticeOf = Effect.map(query, (params) => {
  const done = params.get("done")
  return isNotice(done) ? done : undefined
})

const now = Effect.map(DateTime.now, DateTime.toUtc)

const DuplicateNotice = ({ view, existingId }: { readonly view: View; readonly existingId: string }) => (
  <div class="notice error" role="alert">
    {view.say("이미 등록된 구직자와 이름·연락처 또는 이름·생년월일이 같습니다. 새로 등록하지 말고 기존 기록을 수정하세요. ", "A seeker with the same name and phone, or name and birth date, is already registered; update that record instead. ")}
    <a href={href(view, `/seekers/${existingId}`)}>{view.say("기존 기록 열기", "Open the existing record")}</a>
  </div>
)

const SeekerFormPage = ({ view, values, problems, seeker, conflict, duplicate }: {
  readonly view: View
  readonly values: Values
  readonly problems: Problems
  readonly seeker?: Seeker.Seeker | undefined
  readonly conflict?: boolean
  /** The record the person seems to be registered as already. */
  readonly duplicate?: string | undefined
}) => {
  const { say } = view
  const registering = seeker === undefined
  return (
    <Page view={view} title={registering ? say("구직자 등록", "Register a seeker") : say(`${seeker.name} 정보 수정`, `Edit ${seeker.name}`)}>
      {conflict === true
        ? (
          <div class="notice error" role="alert">
            {say(
              "다른 사용자가 이 구직자 정보를 먼저 수정했습니다. 아래는 입력하신 내용입니다. 현재 저장된 정보와 비교한 뒤 다시 저장하면 현재 정보를 덮어씁니다.",
              "Someone else changed this seeker first. Below is what you entered; compare it with the saved record, and save again to replace it."
            )}
            {" "}<a href={href(view, `/seekers/${seeker!.id}`)}>{say("현재 정보 보기", "See the saved record")}</a>
          </div>
        )
        : null}
      {duplicate === undefined ? null : <DuplicateNotice view={view} existingId={duplicate} />}
      <ProblemSummary problems={problems} labels={labels(say)} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, registering ? "/seekers" : `/seekers/${seeker.id}`)} novalidate>
        <CsrfField view={view} />
        {registering ? null : <input type="hidden" name="version" value={typeof values["version"] === "string" ? values["version"] : ""} />}
        <SeekerFields view={view} values={values} problems={problems} registering={registering} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{registering ? say("등록", "Register") : say("저장", "Save")}</button>
          <a class="krds-btn tertiary large" href={href(view, registering ? "/seekers" : `/seekers/${seeker.id}`)}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

const newSeeker: Handler = staffPage(({ view }) => html(<SeekerFormPage view={view} values={{ consents: ["personal-data"] }} problems={{}} />))

// Without the personal-data consent nothing is written: the form is only
// decoded, so that every other field's problem shows at once too.
const preview = (actor: Signed["actor"], input: Record<string, unknown>, at: DateTime.Utc) =>
  Seeker.decodeEither({ ...input, id: "seeker-preview", districtId: actor.districtId, registeredAt: DateTime.formatIso(at), status: "registered" })

const register: Handler = staffPage(({ actor, view }, form) =>
  Effect.gen(function*() {
    const values = valuesOf(form)
    const at = yield* now
    const input = inputOf(values, at)
    const own = consentProblem(view, values)
    if (Object.keys(own).length > 0) {
      const decoded = preview(actor, input, at)
      const problems = decoded._tag === "Left" ? { ...problemsOf(view.say, decoded.left, fieldOf), ...own } : own
      return yield* html(<SeekerFormPage view={view} values={values} problems={problems} />, { status: 422 })
    }
    const attempt = yield* Effect.either(JobCenter.registerSeeker(actor, input))
    if (attempt._tag === "Right") return yield* redirect(href(view, `/seekers/${attempt.right.value.id}?done=registered`))
    switch (attempt.left._tag) {
      case "DuplicateSeeker":
        return yield* html(<SeekerFormPage view={view} values={values} problems={{}} duplicate={attempt.left.existingId} />, { status: 409 })
      case "ValidationError":
        return yield* html(<SeekerFormPage view={view} values={values} problems={problemsOf(view.say, attempt.left, fieldOf)} />, { status: 422 })
      default:
        return yield* Effect.fail(attempt.left)
    }
  }))

const caseFilePage = (signedIn: Signed, extra: { readonly problems?: Problems; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const file = yield* CaseFile.caseFile(signedIn.actor, yield* seekerIdOf)
    return yield* html(
      <CaseFilePage view={signedIn.view} file={file} notice={yield* noticeOf} problems={extra.problems ?? {}} today={yield* JobCenter.today} />,
      { status: extra.status ?? 200 }
    )
  })

const showSeeker: Handler = staffPage((signedIn) => caseFilePage(signedIn))

const editSeeker: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const stored = yield* JobCenter.getSeeker(actor, yield* seekerIdOf)
    return yield* html(<SeekerFormPage view={view} values={valuesFromRecord(stored.value, stored.version)} problems={{}} seeker={stored.value} />)
  }))

const saveSeeker: Handler = staffPage(({ actor, view }, form) =>
  Effect.gen(function*() {
    const id = yield* seekerIdOf
    const stored = yield* JobCenter.getSeeker(actor, id)
    const values = valuesOf(form)
    const version = Number(form.get("version"))
    const attempt = yield* Effect.either(JobCenter.updateSeeker(actor, id, version, inputOf(values, yield* now, stored.value.consents)))
    if (attempt._tag === "Right") return yield* redirect(href(view, `/seekers/${id}?done=saved`))
    switch (attempt.left._tag) {
      case "StaleVersion":
        // The person's input stays; the form now carries the saved version, so saving again is a deliberate overwrite.
        return yield* html(
          <SeekerFormPage view={view} values={{ ...values, version: String(stored.version) }} problems={{}} seeker={stored.value} conflict />,
          { status: 409 }
        )
      case "ValidationError":
        return yield* html(<SeekerFormPage view={view} values={values} problems={problemsOf(view.say, attempt.left, fieldOf)} seeker={stored.value} />, { status: 422 })
      case "DuplicateSeeker":
        return yield* html(<SeekerFormPage view={view} values={values} problems={{}} seeker={stored.value} duplicate={attempt.left.existingId} />, { status: 409 })
      default:
        return yield* Effect.fail(attempt.left)
    }
  }))

const matches: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const id = yield* seekerIdOf
    const service = yield* Recommendations.Recommendations
    const found = yield* service.openingsFor(actor, id, 5)
    return yield* partOrPage(view, view.say("추천 일자리", "Recommended openings"), <Matches view={view} seekerId={id} found={found} />)
  }))

const counsel: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const id = yield* seekerIdOf
    const notes = form.get("notes")
    const attempt = yield* Effect.either(JobCenter.logCounseling(signedIn.actor, {
      seekerId: id,
      heldOn: form.get("heldOn"),
      channel: form.get("channel"),
      ...(notes === undefined ? {} : { notes })
    }))
    if (attempt._tag === "Right") return yield* redirect(href(signedIn.view, `/seekers/${id}?done=counseled#counseling`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    return yield* caseFilePage(signedIn, { problems: problemsOf(signedIn.view.say, attempt.left), status: 422 })
  }))

const refer: Handler = staffPage(({ actor, view }, form) =>
  Effect.gen(function*() {
    const id = yield* seekerIdOf
    const openingId = yield* idOf(Ids.OpeningId, form.get("openingId"))
    yield* JobCenter.proposeReferral(actor, { seekerId: id, openingId })
    return yield* redirect(href(view, `/seekers/${id}?done=referred#referrals`))
  }))

export const seekerRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/seekers", seekerList),
  HttpRouter.post("/seekers/search", seekerSearch),
  HttpRouter.get("/seekers/new", newSeeker),
  HttpRouter.post("/seekers", register),
  HttpRouter.get("/seekers/:id", showSeeker),
  HttpRouter.post("/seekers/:id", saveSeeker),
  HttpRouter.get("/seekers/:id/edit", editSeeker),
  HttpRouter.get("/seekers/:id/matches", matches),
  HttpRouter.post("/seekers/:id/counseling", counsel),
  HttpRouter.post("/seekers/:id/refer", refer)
)
