/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 사후관리대장 (the follow-up ledger): the signed-in counselor's calls — or,
 * for a manager, a chosen counselor's (a counselor id in the URL, which
 * names no one) —, recording a call in one step at its row, and the month's
 * ledger as an Excel workbook.
 *
 * - `GET /follow-ups[?counselor=…&section=overdue&page=2&p-done=3…]`: the
 *   ledger; each section (today, overdue, upcoming, done) has pages of 20.
 * - `POST /follow-ups/:id`: records the check `:id` at the version the form
 *   was drawn with. With htmx the answer is the row (recorded — and after a
 *   "quit", the job's later rows, cancelled, out of band — or refused with
 *   the input kept, 422), read with `LedgerExport.placementCalls` (one
 *   access-log entry); without, a redirect back to the same pages, or the
 *   whole page with the refusal at its row (422).
 * - `GET /follow-ups/ledger.xlsx?month=2026-12[&counselor=…]`: the workbook.
 */
import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { CaseFile, type FollowUp, Ids, JobCenter, LedgerExport, type LocalDate } from "@iljari/core"
import { Data, Effect, Schema } from "effect"
import type { Handler, Routes } from "../http/Handler.js"
import { NotFound, pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { isHtmx, redirect, staffPage } from "../http/Route.js"
import type { Form } from "../http/Form.js"
import type { Signed } from "../http/Signed.js"
import { Page } from "../ui/Layout.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href } from "../ui/View.js"
import { CallRow, CancelledRow, type Input, isOpen, RecordedRow, type Refused, rowId, type Standing } from "./followUps/CallRow.js"
import { isNotice, LedgerPage, MonthDownload, type Whose } from "./followUps/Ledger.js"
import * as LedgerXlsx from "./followUps/LedgerXlsx.js"
import { carried, ledgerHref, pagesOf, sectionPages } from "./followUps/Pages.js"

/** A counselor asking for a colleague's ledger (a manager's view). */
class NotPermitted extends Data.TaggedError("NotPermitted") {}

const queryOf = query


const blankToUndefined = (value: string | null | undefined) => value === null || value === undefined || value.trim() === "" ? undefined : value.trim()

/**
 * Whose ledger: one's own, or — for a manager only — a counselor of the
 * district (another id is not found; a counselor asking for a colleague's is
 * refused).
 */
const whoseLedger = (signedIn: Signed, requested: string | undefined) =>
  Effect.gen(function*() {
    const self = signedIn.actor.counselorId
    const own: Whose = { counselorId: self, name: signedIn.account.name, chosen: undefined, counselors: [] }
    if (signedIn.role !== "manager") {
      return requested === undefined || requested === self ? own : yield* new NotPermitted()
    }
    const counselors = (yield* JobCenter.listCounselors(signedIn.actor))
      .map((row) => row.value)
      .filter((c) => c.role !== "admin")
      .sort((a, b) => a.name.localeCompare(b.name, "ko"))
    if (requested === undefined || requested === self) return { ...own, counselors }
    const found = counselors.find((c) => c.id === requested)
    if (found === undefined) return yield* new NotFound()
    return { counselorId: found.id, name: found.name, chosen: found.id, counselors } satisfies Whose
  })

const counselorIdOf = (whose: Whose) => Schema.decodeSync(Ids.CounselorId)(whose.counselorId)

// ---------------------------------------------------------------------------
// The ledger
// ---------------------------------------------------------------------------

const showLedger: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const query = yield* queryOf
    const whose = yield* whoseLedger(signedIn, blankToUndefined(query.get("counselor")))
    const pages = pagesOf((name) => blankToUndefined(query.get(name)))
    const list = yield* CaseFile.callList(signedIn.actor, counselorIdOf(whose), sectionPages(pages))
    const done = query.get("done")
    return yield* html(<LedgerPage view={signedIn.view} shown={{ list, whose, pages, notice: isNotice(done) ? done : undefined }} />)
  }))

// ---------------------------------------------------------------------------
// Recording a call
// ---------------------------------------------------------------------------

const checkIdOf = pathId(Ids.FollowUpId)

const inputOf = (form: Form): Input => ({
  doneOn: form.get("doneOn"),
  channel: form.get("channel"),
  outcome: form.get("outcome"),
  notes: form.get("notes")
})

/** Where a call stands in the ledger, and the call itself. */
const findCall = (list: CaseFile.CallList, id: string): { readonly call: CaseFile.Call; readonly standing: Standing | "done" } | undefined => {
  const sections = [["today", list.dueToday], ["overdue", list.overdue], ["upcoming", list.upcoming], ["done", list.done]] as const
  for (const [standing, section] of sections) {
    const call = section.calls.find((c) => c.check.value.id === id)
    if (call !== undefined) return { call, standing }
  }
  return undefined
}

type RecordFailure = Effect.Effect.Error<ReturnType<typeof JobCenter.recordFollowUp>>

/**
 * What a refusal says at its row, in the page's language; a failure that is
 * not the person's to fix (a missing check, another's caseload, a fault)
 * goes on to its own page.
 */
const refusalOf = (
  signedIn: Signed,
  error: RecordFailure,
  input: Input
): { readonly refused: Refused } | undefined => {
  const { say } = signedIn.view
  switch (error._tag) {
      case "ValidationError":
        return { refused: { input, problems: problemsOf(say, error) } }
      case "FollowUpBeforeWindow":
        return {
          refused: {
            input,
            problems: {
              doneOn: say(
                `이 차수의 관리 기간은 ${error.windowStart}부터입니다. 그 전 날짜로는 기록할 수 없습니다.`,
                `This check's window opens on ${error.windowStart}; it cannot be done before.`
              )
            },
            message: say(
              `처리일 ${error.doneOn}은 관리 기간(${error.windowStart}~) 전입니다. 기록하지 않았습니다.`,
              `${error.doneOn} is before the check's window (from ${error.windowStart}); nothing was recorded.`
            )
          }
        }
      case "FollowUpAlreadyRecorded":
        return {
          refused: {
            input,
            problems: {},
            message: say(
              `이 사후관리는 이미 ${error.doneOn}에 기록되어 있어 다시 기록하지 않았습니다. 더 알게 된 내용은 다음 차수나 상담 기록에 남기세요.`,
              `This check was already recorded on ${error.doneOn}; nothing was changed. Note anything new at the next check or in the counseling log.`
            )
          }
        }
      case "FollowUpCancelled":
        return {
          refused: {
            input,
            problems: {},
            message: say(
              `앞 차수에서 퇴사로 기록되어 ${error.cancelledOn}에 취소된 사후관리입니다. 기록할 필요가 없습니다.`,
              `This check was cancelled on ${error.cancelledOn}: the seeker quit at an earlier check. There is nothing to record.`
            )
          }
        }
      case "StaleVersion":
        return {
          refused: {
            input,
            problems: {},
            message: say(
              "다른 사용자가 이 사후관리를 먼저 바꿨습니다. 입력하신 내용은 그대로 두었으니, 확인한 뒤 다시 기록하세요.",
              "Someone else changed this check first. Your input is kept below; check it and record again."
            )
          }
        }
      default:
        return undefined
    }
}

/** Where a check stands on the ledger's day, for a row with a form. */
const standingOf = (check: FollowUp.Check, today: string): Standing =>
  check.dueOn < today ? "overdue" : check.dueOn === today ? "today" : "upcoming"

const recordCall: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const checkId = yield* checkIdOf
    const whose = yield* whoseLedger(signedIn, form.get("counselor"))
    const input = inputOf(form)
    const pages = pagesOf(form.get)
    const attempt = yield* Effect.either(JobCenter.recordFollowUp(actor, {
      checkId,
      expectedVersion: Number(form.get("version") ?? "NaN"),
      result: {
        doneOn: input.doneOn,
        channel: input.channel,
        outcome: input.outcome,
        ...(input.notes === undefined ? {} : { notes: input.notes })
      }
    }))
    const refusal = attempt._tag === "Left" ? refusalOf(signedIn, attempt.left, input) : undefined
    if (attempt._tag === "Left" && refusal === undefined) return yield* Effect.fail(attempt.left)

    if (!(yield* isHtmx)) {
      if (attempt._tag === "Right") {
        const done = attempt.right.reemploymentSupport ? "quit" : "recorded"
        return yield* redirect(href(view, `${ledgerHref(whose.chosen, pages, [["done", done]])}#${rowId(checkId)}`))
      }
      // The whole ledger, the refusal at its row — or above the sections when
      // the check has no form any more (done or cancelled meanwhile).
      const list = yield* CaseFile.callList(actor, counselorIdOf(whose), sectionPages(pages))
      const found = findCall(list, checkId)
      const atRow = found !== undefined && found.standing !== "done" && isOpen(found.call.check.value, list.today)
      const { refused } = refusal!
      return yield* html(
        <LedgerPage view={view} shown={atRow ? { list, whose, pages, refused: { [checkId]: refused } } : { list, whose, pages, alert: refused.message }} />,
        { status: 422 }
      )
    }

    // With htmx, only the row: the check's call as it stands now (one
    // access-log entry, for this seeker), and after a "quit" the job's later
    // rows, now cancelled, swapped out of band.
    const { call, siblings, today } = yield* LedgerExport.placementCalls(actor, checkId)
    if (attempt._tag === "Right") {
      const recorded = call.check.value
      const cancelled = attempt.right.reemploymentSupport
        ? siblings.filter(({ check: { value: c } }) => c.sequence > recorded.sequence && c.cancelledOn !== undefined && CaseFile.isSoon(c, today as LocalDate.LocalDate))
        : []
      return yield* html(
        <>
          <RecordedRow view={view} call={call} focus reemployment={attempt.right.reemploymentSupport} />
          {cancelled.map((sibling) => <CancelledRow view={view} call={sibling} outOfBand />)}
        </>,
        { fragment: true }
      )
    }
    const { refused } = refusal!
    const c = call.check.value
    const row = c.cancelledOn !== undefined
      ? <CancelledRow view={view} call={call} problem={refused.message} />
      : c.doneOn !== undefined
      ? <RecordedRow view={view} call={call} problem={refused.message} focus />
      : <CallRow view={view} call={call} today={today} standing={standingOf(c, today)} carry={carried(pages, whose.chosen)} refused={refused} focus />
    return yield* html(row, { fragment: true, status: 422 })
  }))

// ---------------------------------------------------------------------------
// The month's ledger as a workbook
// ---------------------------------------------------------------------------

const ledgerXlsx: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const { view } = signedIn
    const query = yield* queryOf
    const whose = yield* whoseLedger(signedIn, blankToUndefined(query.get("counselor")))
    const month = blankToUndefined(query.get("month")) ?? (yield* JobCenter.today).slice(0, 7)
    const read = yield* Effect.either(LedgerExport.monthLedger(signedIn.actor, month, counselorIdOf(whose)).pipe(
      Effect.catchTag("NotYourLedger", () => new NotPermitted())
    ))
    if (read._tag === "Left") {
      if (read.left._tag !== "ValidationError") return yield* read.left
      const problem = view.say("월을 2026-12처럼 연도 네 자리와 월 두 자리로 입력하세요.", ruleIn(view.say, read.left.issues[0]?.message ?? ""))
      return yield* html(
        <Page view={view} title={view.say("월별 사후관리대장 내려받기", "Download a month's ledger")}>
          <div class="notice error" role="alert">{problem}</div>
          <MonthDownload view={view} whose={whose} month={month} problem={problem} />
          <p><a href={href(view, ledgerHref(whose.chosen))}>{view.say("사후관리대장으로 돌아가기", "Back to the ledger")}</a></p>
        </Page>,
        { status: 422 }
      )
    }
    const bytes = yield* LedgerXlsx.render(read.right, view.lang)
    return HttpServerResponse.uint8Array(bytes, {
      contentType: LedgerXlsx.xlsxType,
      headers: {
        "content-disposition": LedgerXlsx.contentDisposition(read.right.month, view.lang),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff"
      }
    })
  }))

export const followUpRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/follow-ups", showLedger),
  HttpRouter.get("/follow-ups/ledger.xlsx", ledgerXlsx),
  HttpRouter.post("/follow-ups/:id", recordCall)
)
