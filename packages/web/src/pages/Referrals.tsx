/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The referral pages' routes (알선): the board by status, one referral with
 * its history, a move along core's state machine (only the legal ones are
 * offered; a stale or illegal one is explained, not crashed on), and the
 * placement form a hire leads to.
 */
import { HttpRouter } from "@effect/platform"
import { Ids, JobCenter, Referral, ReferralBoard } from "@iljari/core"
import { Effect, Option, Schema } from "effect"
import type { Handler, Routes } from "../http/Handler.js"
import { pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { redirect, staffPage } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import { problemsOf } from "../ui/Rules.js"
import { href } from "../ui/View.js"
import { BoardPage, boardFor, defaultCounselor, firstPages, pagesOf } from "./referrals/Board.js"
import type { Back, MoveRefusal } from "./referrals/Moves.js"
import { fieldOf, inputOf, placeable, type PlacementRefusal, PlacementFormPage, prefilled, type Values, valuesOf } from "./referrals/PlacementForm.js"
import { isNotice, ReferralPage } from "./referrals/ReferralPage.js"

/** The referral id in the path; one that cannot be an id is not found. */
const referralIdOf = pathId(Ids.ReferralId)

const queryOf = query

// ---------------------------------------------------------------------------
// The board
// ---------------------------------------------------------------------------

/**
 * The board on arrival: a counselor's own referrals, a manager's district.
 * After a move it comes back with the counselor it showed (`?counselor=`, a
 * staff id or `all`; no seeker's data is ever in the address).
 */
const showBoard: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const query = yield* queryOf
    const asked = query.get("counselor")
    const counselorId = asked === null || asked === "" ? defaultCounselor(signedIn) : asked === "all" ? undefined : asked
    const shown = yield* boardFor(signedIn, {
      counselorId,
      pages: firstPages,
      notice: query.get("done") === "moved" ? "moved" : undefined
    })
    return yield* html(<BoardPage view={signedIn.view} shown={shown} />, { status: Object.keys(shown.problems).length > 0 ? 422 : 200 })
  }))

/** Another counselor, or another page of a column: the whole page, or the board for htmx. */
const filterBoard: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const shown = yield* boardFor(signedIn, { counselorId: form.get("counselorId"), pages: pagesOf(form) })
    return yield* html(<BoardPage view={signedIn.view} shown={shown} />, { status: Object.keys(shown.problems).length > 0 ? 422 : 200 })
  }))

// ---------------------------------------------------------------------------
// One referral, and its moves
// ---------------------------------------------------------------------------

const referralPage = (signedIn: Signed, extra: { readonly refusal?: MoveRefusal; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const details = yield* ReferralBoard.details(signedIn.actor, yield* referralIdOf)
    const done = (yield* queryOf).get("done")
    return yield* html(
      <ReferralPage view={signedIn.view} details={details} notice={isNotice(done) ? done : undefined} refusal={extra.refusal} />,
      { status: extra.status ?? 200 }
    )
  })

const showReferral: Handler = staffPage((signedIn) => referralPage(signedIn))

/** Where a successful move sends the person: a hire to its placement form, otherwise back where they moved it. */
export const afterMove = (id: string, to: Referral.ReferralStatus, back: Back): string =>
  to === "hired"
    ? `/referrals/${id}/placement`
    : back === "referral"
    ? `/referrals/${id}?done=moved`
    : `/referrals?done=moved&counselor=${encodeURIComponent(back.board)}`

const move: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const referralId = yield* referralIdOf
    const to = Schema.decodeUnknownOption(Referral.ReferralStatus)(form.get("to"))
    if (Option.isNone(to)) return yield* referralPage(signedIn, { refusal: { _tag: "unknownStep" }, status: 422 })
    const version = Number(form.get("version"))
    // A version the page never gave cannot be current: it is a stale page.
    if (!Number.isSafeInteger(version)) return yield* referralPage(signedIn, { refusal: { _tag: "stale" }, status: 409 })
    const attempt = yield* Effect.either(JobCenter.moveReferral(actor, { referralId, to: to.value, expectedVersion: version }))
    if (attempt._tag === "Right") {
      const back: Back = form.get("back") === "board" ? { board: form.get("board-counselor") ?? "all" } : "referral"
      return yield* redirect(href(view, afterMove(referralId, to.value, back)))
    }
    const error = attempt.left
    switch (error._tag) {
      case "StaleVersion":
        return yield* referralPage(signedIn, { refusal: { _tag: "stale" }, status: 409 })
      case "InvalidTransition": {
        // The page showed another step than the one stored: someone moved it meanwhile.
        const from = form.get("from")
        return yield* referralPage(signedIn, {
          refusal: from !== undefined && from !== error.from
            ? { _tag: "movedMeanwhile", now: error.from }
            : { _tag: "illegal", from: error.from, to: error.to },
          status: 409
        })
      }
      case "NotYourCaseload":
        return yield* referralPage(signedIn, { refusal: { _tag: "notYourCaseload" }, status: 403 })
      default:
        return yield* Effect.fail(error)
    }
  }))

// ---------------------------------------------------------------------------
// The placement a hire leads to
// ---------------------------------------------------------------------------

const placementPage = (
  signedIn: Signed,
  values: (details: ReferralBoard.Details, today: string) => Values,
  extra: { readonly problems?: Record<string, string>; readonly refusal?: PlacementRefusal; readonly status?: number } = {}
) =>
  Effect.gen(function*() {
    const details = yield* ReferralBoard.details(signedIn.actor, yield* referralIdOf)
    // A placed referral, or one that never got to a hire, says so rather than offer a form to be refused.
    const refusal = extra.refusal ?? (details.placement !== undefined
      ? { _tag: "alreadyPlaced" as const }
      : placeable(details.entry.referral.value.status)
      ? undefined
      : { _tag: "notHired" as const })
    return yield* html(
      <PlacementFormPage view={signedIn.view} details={details} values={values(details, yield* JobCenter.today)} problems={extra.problems ?? {}} refusal={refusal} />,
      { status: extra.status ?? 200 }
    )
  })

const placementForm: Handler = staffPage((signedIn) => placementPage(signedIn, prefilled))

const recordPlacement: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const details = yield* ReferralBoard.details(actor, yield* referralIdOf)
    const values = valuesOf(form)
    const kept = () => values
    const attempt = yield* Effect.either(JobCenter.recordPlacement(actor, inputOf(values, details.entry)))
    if (attempt._tag === "Right") return yield* redirect(href(view, `/seekers/${details.entry.seeker.id}?done=placed#placements`))
    const error = attempt.left
    switch (error._tag) {
      case "ValidationError":
        return yield* placementPage(signedIn, kept, { problems: problemsOf(view.say, error, fieldOf), status: 422 })
      case "AlreadyPlaced":
        return yield* placementPage(signedIn, kept, { refusal: { _tag: "alreadyPlaced" }, status: 409 })
      case "InvalidTransition":
        return yield* placementPage(signedIn, kept, { refusal: { _tag: "notHired" }, status: 409 })
      case "StaleVersion":
        return yield* placementPage(signedIn, kept, { refusal: { _tag: "stale" }, status: 409 })
      case "NotYourCaseload":
        return yield* placementPage(signedIn, kept, { refusal: { _tag: "notYourCaseload" }, status: 403 })
      default:
        return yield* Effect.fail(error)
    }
  }))

export const referralRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/referrals", showBoard),
  HttpRouter.post("/referrals/board", filterBoard),
  HttpRouter.get("/referrals/:id", showReferral),
  HttpRouter.post("/referrals/:id/move", move),
  HttpRouter.get("/referrals/:id/placement", placementForm),
  HttpRouter.post("/referrals/:id/placement", recordPlacement)
)
