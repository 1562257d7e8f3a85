/**
 * The HTTP contract of the example district server: every endpoint, its
 * inputs, its answers and the errors it may give, from which the handlers,
 * the OpenAPI document (`/openapi.json`) and typed clients are derived.
 *
 * Forms are accepted as JSON and decoded by the core use cases, so a bad form
 * gets the core's `ValidationError` — every field named with its rule — and
 * fields the model does not keep are refused rather than dropped.
 *
 * A write that must not overwrite someone else's change names the `version`
 * of the record it read, always in the request body. Every error answer has
 * one shape (`Error`, see `ApiErrors.ts`).
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import {
  Audit,
  Caseload,
  Counseling,
  EmployerSearch,
  Erasure,
  FollowUp,
  Ids,
  JobCenter,
  LocalDate,
  Monitoring,
  MonitoringDecision,
  Opening,
  Placement,
  Referral,
  Seeker,
  Targets
} from "@iljari/core"
import { TargetPlanning } from "@iljari/report"
import { Schema } from "effect"
import { AdminApi, AuthApi, MeApi } from "./AccessApi.js"
import { Authentication, ForbiddenAnswer } from "./Caller.js"
import { EligibilityApi } from "./EligibilityApi.js"
import { EventsApi } from "./EventsApi.js"
import { FieldWorkApi } from "./FieldWorkApi.js"
import { FairsApi } from "./FairApi.js"
import * as E from "./ApiErrors.js"
import { documentEdge } from "./Edge.js"
import { form, versionedForm } from "./Forms.js"
import { MatchesApi } from "./MatchApi.js"
import { acceptsIdempotencyKey, Count, countedPageOf, CursorPage, decimal, doc, integer, Page, pageOf, periodInOrder, Version, withPeriod, Year } from "./Params.js"
import { EmployerForm, EmployerRecord, SeekerForm, seekerFormFields, SeekerRecord, versioned } from "./Records.js"
import { ReportsApi } from "./ReportApi.js"

export { Authentication, CurrentUser, Forbidden, sessionCookie, Unauthorized, User } from "./Caller.js"

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

const OpeningRecord = versioned(Opening.Opening, "VersionedOpening")
const CounselingRecord = versioned(Counseling.Counseling, "VersionedCounseling")
const ReferralRecord = versioned(Referral.Referral, "VersionedReferral")
const PlacementRecord = versioned(Placement.Placement, "VersionedPlacement")
/** A follow-up check with its version, which recording it needs. */
export const CheckRecord = versioned(FollowUp.Check, "VersionedFollowUpCheck")

const SeekerUpdateForm = versionedForm("SeekerUpdateForm", Schema.Struct(seekerFormFields))
const OpeningForm = form("OpeningForm", Opening.Opening)
const CounselingForm = form("CounselingForm", JobCenter.CounselingRequest)
const PlacementForm = form("PlacementForm", JobCenter.PlacementRequest)
const FollowUpResultForm = versionedForm("FollowUpResultForm", FollowUp.Result)

const Period = withPeriod({})

const FindingKey = Schema.String.annotations({
  description: "A finding's key, e.g. late-record-3f9a0c…: its rule and a digest of its records and what was found (the same facts give the same key in every review)"
})
const DecisionRecord = versioned(MonitoringDecision.Decision, "VersionedMonitoringDecision")

const SeekerPath = Schema.Struct({ id: Ids.SeekerId })

const SeekerPage = countedPageOf(SeekerRecord, "SeekerPage", "A page of seekers with their versions, how many the search found and the cursor of the next page")
const ReferralPage = countedPageOf(ReferralRecord, "ReferralPage", "A page of referrals with their versions, how many the list holds and the cursor of the next page")
const PlacementPage = countedPageOf(PlacementRecord, "PlacementPage", "A page of placements with their versions, how many the list holds and the cursor of the next page")
const EmployerPage = countedPageOf(EmployerRecord, "EmployerPage", "A page of employers with their versions, how many the search found and the cursor of the next page")
const OpeningPage = countedPageOf(OpeningRecord, "OpeningPage", "A page of openings with their versions, how many the search found and the cursor of the next page")
const AuditPage = pageOf(Audit.AuditEntry, "AuditPage", "A page of the access log, oldest first, and the cursor of the next page")

/** A follow-up check of the ledger with its version and the seeker to phone. */
export const LedgerItem = Schema.Struct({
  value: FollowUp.Check,
  version: Schema.Int.annotations({ description: "The check's version: send it back as `version` when recording it" }),
  seeker: Schema.optional(Schema.Struct({
    id: Ids.SeekerId,
    name: Schema.String,
    phone: Schema.optional(Schema.String),
    version: Schema.Int.annotations({ description: "The seeker's version" })
  }).annotations({ description: "The seeker to phone: name, phone (when on record) and version" }))
}).annotations({ identifier: "FollowUpLedgerItem" })

const CallPage = countedPageOf(LedgerItem, "FollowUpCallPage", "A page of one group of the follow-up ledger, each check with its version and the seeker to phone, how many the group holds and the cursor of the next page")

const SeekerSearchParams = Schema.Struct({
  name: Schema.optional(Seeker.SearchCriteria.fields.name.from.annotations({
    description: "Part of the name: syllables (길동), initial consonants (ㅎㄱㄷ) or both (홍ㄱ)"
  })),
  phoneTail: Schema.optional(Seeker.SearchCriteria.fields.phoneTail.from.annotations({ description: "The phone number's last four digits" })),
  status: Schema.optional(Seeker.SeekerStatus.annotations({ description: "Only seekers in this status" })),
  counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Only the seekers this counselor is responsible for" })),
  sort: Schema.optional(Seeker.SearchSort.annotations({ description: "Sorted by name (default), registeredAt or id; ties by id" })),
  order: Schema.optional(Seeker.SearchOrder.annotations({ description: "asc (default) or desc" })),
  ...CursorPage.fields
})

// ---------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------

export class SeekersApi extends HttpApiGroup.make("seekers")
  .add(
    HttpApiEndpoint.get("list", "/seekers")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(SeekerRecord))
      .annotateContext(doc(
        "List seekers",
        "The district's seekers with their versions, a page at a time (offset, limit: 100 by default). Every seeker shown is written to the access log."
      ))
  )
  .add(
    HttpApiEndpoint.get("search", "/seekers/search")
      .setUrlParams(SeekerSearchParams)
      .addSuccess(SeekerPage)
      .annotateContext(doc(
        "Search seekers",
        "Finds the district's seekers (구직자 검색) by part of the name — syllables, initial consonants (초성: ㅎㄱㄷ finds 홍길동) or both —, the phone's last four digits, the status and the responsible counselor, every criterion given holding; sorted by name, registration time or id. A page of at most 100 with the total and nextCursor, which asks for the next page (null on the last). Every seeker shown is written to the access log; the search terms are not."
      ))
  )
  .add(
    HttpApiEndpoint.get("get", "/seekers/:id")
      .setPath(SeekerPath)
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .annotateContext(doc("Read a seeker", "One seeker of the district with its version; another district's seeker is a 404. Logged."))
  )
  .add(
    HttpApiEndpoint.post("register", "/seekers").pipe(acceptsIdempotencyKey)
      .setPayload(SeekerForm)
      .addSuccess(SeekerRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.DuplicateSeeker)
      .annotateContext(doc(
        "Register a seeker",
        "Registers a job seeker (구직등록) with the caller as their counselor. The same name with the same phone or birth date as a registered seeker is a 409 DuplicateSeeker naming the existing id."
      ))
  )
  .add(
    HttpApiEndpoint.put("update", "/seekers/:id")
      .setPath(SeekerPath)
      .setPayload(SeekerUpdateForm)
      .addSuccess(SeekerRecord)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.DuplicateSeeker)
      .annotateContext(doc(
        "Update a seeker",
        "Replaces the seeker's form with the body, which also names the version it is based on (`version`); a stale version is a 409 StaleVersion."
      ))
  )
  .add(
    HttpApiEndpoint.post("counsel", "/counseling").pipe(acceptsIdempotencyKey)
      .setPayload(CounselingForm)
      .addSuccess(CounselingRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc("Log a counseling session", "Logs a counseling session (상담) the caller held with a seeker; it reopens a closed case."))
  )
  .add(
    HttpApiEndpoint.get("caseload", "/caseload")
      .setUrlParams(Schema.Struct({
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Whose caseload (managers); your own by default" })),
        ...Page.fields
      }))
      .addSuccess(Schema.Array(SeekerRecord))
      .annotateContext(doc(
        "A counselor's caseload",
        "A counselor's caseload (담당 사례): the seekers they are responsible for — your own, or a named counselor's for a manager"
      ))
  )
  .add(
    HttpApiEndpoint.put("transfer", "/seekers/:id/counselor")
      .setPath(SeekerPath)
      .setPayload(Caseload.TransferRequest)
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc(
        "Transfer a seeker",
        "Makes another counselor responsible for the seeker (담당자 이관), with a reason code (workload, leave, request, specialty or other) and the seeker's version; logged"
      ))
  )
  .add(
    HttpApiEndpoint.post("close", "/seekers/:id/close")
      .setPath(SeekerPath)
      .setPayload(Schema.Struct({ version: Version }))
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Close a seeker's case", "Closes the seeker's case (종료) at the version given in the body; counseling reopens it"))
  )
  .add(
    HttpApiEndpoint.post("erase", "/seekers/:id/erasure")
      .setPath(SeekerPath)
      .setPayload(Schema.Struct({ reason: Erasure.Reason }))
      .addSuccess(SeekerRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Erase a seeker's personal data",
        "Destroys the seeker's personal data in every store (개인정보 파기), for the reason given; administrators only. The records stay, anonymised, so every figure is unchanged."
      ))
  )
  .add(
    HttpApiEndpoint.get("retentionDue", "/retention/due")
      .addSuccess(Schema.Array(Schema.Struct({
        seekerId: Ids.SeekerId,
        name: Schema.String,
        lastActivity: LocalDate.LocalDate,
        dueSince: LocalDate.LocalDate
      })))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Seekers due for erasure",
        "Seekers whose retention period has ended (no activity for the set number of years); administrators only"
      ))
  )
  .add(
    HttpApiEndpoint.post("retentionSweep", "/retention/sweep")
      .addSuccess(Schema.Struct({ erased: Schema.Array(Ids.SeekerId) }))
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Erase every seeker due",
        "Erases every seeker whose retention period has ended, each logged with the reason retention-ended; administrators only"
      ))
  )
  .addError(E.NotYourCaseload)
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Job seekers (구직자), their counseling, their caseloads and the destruction of their data")
{}

const EmployerSearchParams = Schema.Struct({
  name: Schema.optional(EmployerSearch.TextQuery.annotations({
    description: "Part of the name: syllables (성수), initial consonants (ㅅㅅㄷㅈㅌ) or both; spaces and letter case ignored"
  })),
  sort: Schema.optional(EmployerSearch.EmployerSort.annotations({ description: "Sorted by name (default) or registeredAt; ties by id" })),
  order: Schema.optional(Seeker.SearchOrder.annotations({ description: "asc (default) or desc" })),
  ...CursorPage.fields
})

const OpeningSearchParams = Schema.Struct({
  title: Schema.optional(EmployerSearch.TextQuery.annotations({
    description: "Part of the title: syllables, initial consonants (초성) or both; spaces and letter case ignored"
  })),
  status: Schema.optional(Opening.OpeningStatus.annotations({ description: "Only openings in this status" })),
  employerId: Schema.optional(Ids.EmployerId.annotations({ description: "Only this employer's openings" })),
  sort: Schema.optional(EmployerSearch.OpeningSort.annotations({ description: "Sorted by openedOn (default) or title; ties by id" })),
  order: Schema.optional(Seeker.SearchOrder.annotations({ description: "desc (default) or asc" })),
  ...CursorPage.fields
})

export class EmployersApi extends HttpApiGroup.make("employers")
  .add(
    HttpApiEndpoint.get("listEmployers", "/employers")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(EmployerRecord))
      .annotateContext(doc("List employers", "The district's employers with their versions, a page at a time (offset, limit: 100 by default)"))
  )
  .add(
    HttpApiEndpoint.get("searchEmployers", "/employers/search")
      .setUrlParams(EmployerSearchParams)
      .addSuccess(EmployerPage)
      .annotateContext(doc(
        "Search employers",
        "Finds the district's employers (구인업체 검색) by part of the name — syllables or initial consonants (초성) —, sorted by name or registration time. A page of at most 100 with the total and nextCursor, which asks for the next page (null on the last). Each employer shown is written to the access log (their contact persons); the search terms are not."
      ))
  )
  .add(
    HttpApiEndpoint.post("registerEmployer", "/employers").pipe(acceptsIdempotencyKey)
      .setPayload(EmployerForm)
      .addSuccess(EmployerRecord, { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc("Register an employer", "Registers an employer (구인업체) with its business registration number, address and contact person"))
  )
  .add(
    HttpApiEndpoint.get("listOpenings", "/openings")
      .setUrlParams(Page)
      .addSuccess(Schema.Array(OpeningRecord))
      .annotateContext(doc("List openings", "The district's openings (구인공고) with their versions, a page at a time (offset, limit: 100 by default)"))
  )
  .add(
    HttpApiEndpoint.get("searchOpenings", "/openings/search")
      .setUrlParams(OpeningSearchParams)
      .addSuccess(OpeningPage)
      .annotateContext(doc(
        "Search openings",
        "Finds the district's openings (구인공고 검색) by part of the title, status and employer, every criterion given holding; the newest first by default, or by title. A page of at most 100 with the total and nextCursor (null on the last page)."
      ))
  )
  .add(
    HttpApiEndpoint.post("registerOpening", "/openings").pipe(acceptsIdempotencyKey)
      .setPayload(OpeningForm)
      .addSuccess(OpeningRecord, { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .annotateContext(doc(
        "Register an opening",
        "Registers an employer's opening (구인): occupation, region, wage, terms and requirements; the employer must be the district's"
      ))
  )
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Employers (구인기업) and their openings (구인)")
{}

export class CasesApi extends HttpApiGroup.make("cases")
  .add(
    HttpApiEndpoint.post("propose", "/referrals").pipe(acceptsIdempotencyKey)
      // Named apart from the Referral it creates, which the answer's schema refers to by name.
      .setPayload(JobCenter.ReferralRequest.annotations({ identifier: "ReferralForm" }))
      .addSuccess(ReferralRecord, { status: 201 })
      .addError(E.NotFound)
      .addError(E.OpeningNotOpen)
      .addError(E.ActiveReferralExists)
      .annotateContext(doc(
        "Propose a referral",
        "Proposes a seeker for an open opening (알선): a referral in status proposed, version 1. A closed or filled opening is a 409 OpeningNotOpen; a seeker already proposed, sent or interviewing for the opening is a 409 ActiveReferralExists naming that referral (one active referral per seeker and opening, however many requests race)."
      ))
  )
  .add(
    HttpApiEndpoint.get("listReferrals", "/referrals")
      .setUrlParams(Schema.Struct({
        status: Schema.optional(Referral.ReferralStatus.annotations({ description: "Only referrals in this status" })),
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Only this counselor's referrals (your own: your id)" })),
        seekerId: Schema.optional(Ids.SeekerId.annotations({ description: "Only this seeker's referrals" })),
        openingId: Schema.optional(Ids.OpeningId.annotations({ description: "Only the referrals to this opening" })),
        ...CursorPage.fields
      }))
      .addSuccess(ReferralPage)
      .annotateContext(doc(
        "List referrals",
        "The district's referrals (알선) by status, counselor, seeker or opening, newest first: a page of at most 100 with the total and nextCursor (null on the last page). Each seeker shown is written to the access log."
      ))
  )
  .add(
    HttpApiEndpoint.get("getReferral", "/referrals/:id")
      .setPath(Schema.Struct({ id: Ids.ReferralId }))
      .addSuccess(ReferralRecord)
      .addError(E.NotFound)
      .annotateContext(doc("Read a referral", "One referral of the district with its version and history; another district's is a 404. Logged."))
  )
  .add(
    HttpApiEndpoint.post("move", "/referrals/:id/status")
      .setPath(Schema.Struct({ id: Ids.ReferralId }))
      .setPayload(Schema.Struct({ to: Referral.ReferralStatus, version: Version }))
      .addSuccess(ReferralRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.InvalidTransition)
      .annotateContext(doc(
        "Move a referral",
        "Moves a referral to another status (proposed → sent → interviewing → hired, or rejected / withdrawn) at the version read; an illegal move is a 409 InvalidTransition naming both states"
      ))
  )
  .add(
    HttpApiEndpoint.post("place", "/placements").pipe(acceptsIdempotencyKey)
      .setPayload(PlacementForm)
      .addSuccess(Schema.Struct({ placement: PlacementRecord, followUps: Schema.Array(CheckRecord) }).annotations({ identifier: "PlacementRecorded" }), {
        status: 201
      })
      .addError(E.ValidationError)
      .addError(E.CalendarNotCovered)
      .addError(E.NoBusinessDayInWindow)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.InvalidTransition)
      .addError(E.AlreadyPlaced)
      .annotateContext(doc(
        "Record a placement",
        "Records a placement (취업) — through the center's referral (which moves to hired) or found alone — with its three follow-up checks (1, 2 and 3 months after the start, on business days), each with its version. A referral is placed once (409 AlreadyPlaced)."
      ))
  )
  .add(
    HttpApiEndpoint.get("listPlacements", "/placements")
      .setUrlParams(Schema.Struct({
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Only this counselor's placements (your own: your id)" })),
        seekerId: Schema.optional(Ids.SeekerId.annotations({ description: "Only this seeker's placements" })),
        startedFrom: Schema.optional(LocalDate.LocalDate.annotations({ description: "Only placements that started on or after this day, YYYY-MM-DD" })),
        startedTo: Schema.optional(LocalDate.LocalDate.annotations({ description: "Only placements that started on or before this day, YYYY-MM-DD" })),
        ...CursorPage.fields
      }))
      .addSuccess(PlacementPage)
      .annotateContext(doc(
        "List placements",
        "The district's placements (취업) by counselor, seeker or start dates, the latest start first: a page of at most 100 with the total and nextCursor (null on the last page). startedTo before startedFrom is a 400. Each seeker shown is written to the access log."
      ))
  )
  .add(
    HttpApiEndpoint.get("getPlacement", "/placements/:id")
      .setPath(Schema.Struct({ id: Ids.PlacementId }))
      .addSuccess(PlacementRecord)
      .addError(E.NotFound)
      .annotateContext(doc("Read a placement", "One placement of the district with its version; another district's is a 404. Logged."))
  )
  .add(
    HttpApiEndpoint.get("calls", "/follow-ups")
      .setUrlParams(Schema.Struct({
        group: JobCenter.LedgerGroup.annotations({ description: "Which group of the ledger: dueToday, overdue, upcoming, done or cancelled" }),
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Whose ledger (managers); your own by default" })),
        ...CursorPage.fields
      }))
      .addSuccess(CallPage)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "The follow-up ledger, one group a page at a time",
        "One group of a counselor's follow-up ledger (사후관리대장) — due today, overdue, upcoming, done or cancelled — by due date, each check with its version and the seeker to phone (name, phone, version): a page of at most 100 with how many the group holds and nextCursor (null on the last page). Only the seekers a page shows are read and written to the access log. Another counselor's ledger is for managers."
      ))
  )
  .add(
    HttpApiEndpoint.get("ledger", "/follow-ups/ledger")
      .setUrlParams(Schema.Struct({
        counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "Whose ledger (managers); your own by default" }))
      }))
      .addSuccess(Schema.Struct({
        today: LocalDate.LocalDate,
        dueToday: Schema.Array(LedgerItem),
        overdue: Schema.Array(LedgerItem),
        upcoming: Schema.Array(LedgerItem),
        done: Schema.Array(LedgerItem),
        cancelled: Schema.Array(LedgerItem),
        onTime: Schema.Int,
        late: Schema.Int,
        onTimeRate: Schema.NullOr(Schema.Number),
        provisional: Schema.Int.annotations({
          description: "Open checks whose due date rests on holidays computed from the rules, in a year the official holiday list does not cover yet"
        })
      }).annotations({ identifier: "FollowUpLedger" }))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "The follow-up ledger",
        "A counselor's follow-up ledger (사후관리대장): checks due today, overdue, upcoming, done and cancelled, each with its version (which recording it needs) and the seeker to phone (name, phone, version), and the on-time rate. Every seeker of the ledger is written to the access log. Another counselor's ledger is for managers."
      ))
  )
  .add(
    HttpApiEndpoint.post("recordFollowUp", "/follow-ups/:id")
      .setPath(Schema.Struct({ id: Ids.FollowUpId }))
      .setPayload(FollowUpResultForm)
      .addSuccess(Schema.Struct({ check: CheckRecord, reemploymentSupport: Schema.Boolean }).annotations({ identifier: "FollowUpRecorded" }))
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.FollowUpAlreadyRecorded)
      .addError(E.FollowUpCancelled)
      .addError(E.FollowUpBeforeWindow)
      .annotateContext(doc(
        "Record a follow-up check",
        "Records a follow-up call or visit (doneOn, channel, outcome) with the check's version in the body. An outcome of quit cancels the later checks and answers reemploymentSupport: true."
      ))
  )
  .addError(E.NotYourCaseload)
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Referrals (알선), placements (취업) and the follow-up ledger (사후관리대장)")
{}

const target = (metric: string) => Schema.optional(Count(`The annual target of ${metric} (the district's own when no target is given)`))

export class ReviewApi extends HttpApiGroup.make("review")
  .add(
    HttpApiEndpoint.get("results", "/results")
      .setUrlParams(Period)
      .addSuccess(Schema.Struct({ openings: Schema.Int, seekers: Schema.Int, placements: Schema.Int, counseling: Schema.Int }).annotations({
        identifier: "Results"
      }))
      .annotateContext(doc("Results of a period", "How many openings, seekers, placements and counseling sessions the district recorded from from to to"))
  )
  .add(
    HttpApiEndpoint.get("pace", "/targets/pace")
      .setUrlParams(Schema.Struct({
        year: Year,
        period: Targets.PacePeriod.annotations({ description: "The period holding today to read: week, month, quarter, half or year" }),
        openings: target("openings"),
        seekers: target("seekers"),
        placements: target("placements"),
        counseling: target("counseling sessions")
      }))
      .addSuccess(Schema.Array(Schema.Struct({
        metric: Targets.Metric,
        pace: Schema.Struct({
          period: Targets.PacePeriod,
          from: LocalDate.LocalDate,
          to: LocalDate.LocalDate,
          end: LocalDate.LocalDate,
          target: Schema.Number,
          expected: Schema.Number,
          actual: Schema.Number,
          difference: Schema.Number,
          ratio: Schema.optional(Schema.Number),
          status: Targets.PaceStatus
        }),
        projection: Schema.Struct({ projected: Schema.Number, target: Schema.Number, gap: Schema.Number, status: Targets.PaceStatus })
      }).annotations({ identifier: "TargetPace" })))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Target pace",
        "Reads the period holding today against the annual targets (목표관리제) given in the query, or the district's own, with the year-end projection"
      ))
  )
  .add(
    HttpApiEndpoint.get("plan", "/targets/plan")
      .setUrlParams(Schema.Struct({
        year: Year,
        growth: Schema.optional(decimal({
          min: -100,
          max: 1000,
          description: `Growth over last year's results in percent (default ${TargetPlanning.defaultGrowthPercent})`,
          en: "growth must be a growth in percent from -100 to 1000, e.g. 5 for +5%",
          ko: "growth는 -100부터 1000까지의 증가율(%)이어야 합니다 (예: 5는 +5%)"
        })),
        roundTo: Schema.optional(integer({
          min: 1,
          max: 1000,
          description: "Round each target to the nearest multiple of this (default 1)",
          en: "roundTo must be a whole unit from 1 to 1000, e.g. 10",
          ko: "roundTo는 1부터 1000까지의 정수 단위여야 합니다 (예: 10)"
        }))
      }))
      .addSuccess(Schema.Struct({
        year: Schema.Int,
        baselineYear: Schema.Int,
        growthPercent: Schema.Number,
        lines: Schema.Array(Schema.Struct({
          metric: Targets.Metric,
          baseline: Schema.Int,
          exact: Schema.Number,
          target: Schema.Int,
          monthlyAverage: Schema.Int,
          months: Schema.Array(Schema.Int),
          current: Schema.optional(Schema.Int)
        }))
      }).annotations({ identifier: "TargetPlan" }))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Plan a year's targets",
        "Plans a year's targets from the year before: last year's results grown by growth percent and rounded to roundTo, with twelve monthly targets, next to the district's current targets"
      ))
  )
  .add(
    HttpApiEndpoint.get("monitoring", "/monitoring")
      .setUrlParams(Period)
      .addSuccess(Schema.Array(Schema.Struct({
        key: FindingKey,
        rule: Monitoring.Rule,
        severity: Schema.Literal("high", "medium", "low"),
        counselorId: Schema.optional(Schema.String),
        records: Schema.Array(Schema.Struct({ kind: Schema.String, id: Schema.String })),
        description: Schema.String,
        decision: Schema.optional(DecisionRecord.annotations({ description: "A manager's decision on the finding so far, if any" }))
      }).annotations({ identifier: "MonitoringFinding" })))
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Monitoring review",
        "The review's findings about improper records in the period (managers), each with its key and a manager's decision on it so far"
      ))
  )
  .add(
    HttpApiEndpoint.put("decide", "/monitoring/findings/:key/decision")
      .setPath(Schema.Struct({ key: FindingKey }))
      .setPayload(withPeriod({
        status: MonitoringDecision.FindingStatus.annotations({ description: "confirmed (improper, to be put right) or cleared" }),
        note: Schema.String.annotations({ description: "Why: 1–1,000 characters, no resident registration number" }),
        version: Schema.optional(Version.annotations({ description: "The version of the decision this one changes; none for a first decision" }))
      }, { from: "The first day of the period reviewed, YYYY-MM-DD", to: "Its last day, YYYY-MM-DD" }).annotations({ identifier: "MonitoringDecisionForm" }))
      .addSuccess(DecisionRecord)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "Decide a finding",
        "Marks a finding of the period's review confirmed or cleared, with a note (managers). The finding must still be found in the period (else 404); a change names the decision's version, and a decision made meanwhile is a 409 StaleVersion. Logged against the seekers and the counselor the finding names."
      ))
  )
  .add(
    HttpApiEndpoint.get("audit", "/audit")
      .setUrlParams(Schema.Struct({
        subjectId: Schema.optional(Schema.String.annotations({ description: "Only the entries about this record (a seeker's id, …)" })),
        from: Schema.optional(LocalDate.LocalDate.annotations({ description: "Only entries of this day (in Korea) or later, YYYY-MM-DD" })),
        to: Schema.optional(LocalDate.LocalDate.annotations({ description: "Only entries of this day (in Korea) or earlier, YYYY-MM-DD; not before from" })),
        offset: Page.fields.offset,
        ...CursorPage.fields
      }).pipe(Schema.filter(periodInOrder)))
      .addSuccess(AuditPage)
      .addError(ForbiddenAnswer)
      .annotateContext(doc(
        "The access log",
        "Who read or changed whose data, when, from where and why (managers and administrators), oldest first: a page of at most 100 entries and nextCursor, which asks for the next page (null on the last), within the days from–to when given. Reading it is itself logged."
      ))
  )
  .middleware(Authentication)
  .annotate(OpenApi.Description, "Figures, target pace (목표관리제), monitoring of improper records and the access log")
{}

export class Api extends HttpApi.make("iljari")
  .add(AuthApi)
  .add(AdminApi.middleware(Authentication))
  .add(MeApi.middleware(Authentication))
  .add(SeekersApi)
  .add(EmployersApi)
  .add(CasesApi)
  .add(ReviewApi)
  .add(MatchesApi.middleware(Authentication))
  .add(EligibilityApi.middleware(Authentication))
  .add(FairsApi.middleware(Authentication))
  .add(EventsApi.middleware(Authentication))
  .add(FieldWorkApi.middleware(Authentication))
  .add(ReportsApi.middleware(Authentication).addError(ForbiddenAnswer))
  .addError(E.ValidationError)
  .addError(E.DuplicateId)
  .addError(E.PersistenceError)
  .annotate(OpenApi.Title, "iljari — district job center API")
  .annotate(
    OpenApi.Description,
    "The example server of iljari (일자리). Staff sign in at POST /auth/sign-in (a session cookie, and a CSRF token for X-CSRF-Token); integrations send an API token as Authorization: Bearer <token>. The demo prints its accounts and tokens at start.\n\n" +
      "Every error answer has one shape, the Error schema: _tag, message (English), messageKo (Korean), field (the offending field's path, when there is one), issues (a ValidationError's fields with their rules) and the error's own details. An unknown route is a 404 RouteNotFound and a method the route does not take a 405 MethodNotAllowed, in the same shape, as are a body over the server's limit (413 PayloadTooLarge) and too many sign-in attempts or expensive requests (429 RateLimited, with Retry-After). " +
      "A write that could overwrite someone else's change names the version of the record it read as version in the body; a stale one is a 409 StaleVersion."
  )
  .annotate(OpenApi.Transform, (spec) => documentEdge(E.documentErrors(spec as OpenApi.OpenAPISpec)) as unknown as Record<string, unknown>)
{}
