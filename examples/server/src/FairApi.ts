/**
 * Job fairs (일 잡는 데이) over HTTP: plan, pre-select, invite, attendance,
 * timetable, results and figures — each step names, in its body, the
 * version of the fair it read.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Ids, JobFair } from "@iljari/core"
import { Schema } from "effect"
import * as E from "./ApiErrors.js"
import { form, versionedForm } from "./Forms.js"
import { doc, Version, acceptsIdempotencyKey } from "./Params.js"

const Fair = Schema.Struct({
  value: JobFair.JobFair,
  version: Schema.Int,
  outcome: Schema.Struct({
    invited: Schema.Int,
    attended: Schema.Int,
    interviewed: Schema.Int,
    hired: Schema.Int,
    byEmployer: Schema.Array(Schema.Struct({
      employerId: Ids.EmployerId,
      candidates: Schema.Int,
      interviews: Schema.Int,
      hired: Schema.Int
    }))
  })
}).annotations({ identifier: "JobFairRecord" })

const PathId = Schema.Struct({ id: Ids.JobFairId })

const step = <const Name extends string>(name: Name, path: `/${string}`) =>
  HttpApiEndpoint.post(name, path)
    .setPath(PathId)
    .addSuccess(Fair)
    .addError(E.ValidationError)
    .addError(E.NotFound)
    .addError(E.StaleVersion)

export class FairsApi extends HttpApiGroup.make("fairs")
  .add(
    HttpApiEndpoint.post("create", "/job-fairs").pipe(acceptsIdempotencyKey)
      .setPayload(form("JobFairPlanForm", JobFair.Plan))
      .addSuccess(Fair, { status: 201 })
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Plan a job fair",
        "Plans a job fair (일 잡는 데이): title, day, venue, interview timetable, minimum match score and the employers with their openings and capacity"
      ))
  )
  .add(
    HttpApiEndpoint.get("get", "/job-fairs/:id")
      .setPath(PathId)
      .addSuccess(Fair)
      .addError(E.NotFound)
      .annotateContext(doc("Read a job fair", "The fair with its version and its figures (invited, attended, interviewed, hired, per employer)"))
  )
  .add(
    step("preselect", "/job-fairs/:id/preselect")
      .setPayload(Schema.Struct({
        version: Version,
        perOpening: Schema.optional(Schema.Int.pipe(Schema.between(1, 100)).annotations({
          description: "How many seekers to pre-select for each opening, 1–100 (default 10)"
        }))
      }))
      .annotateContext(doc("Pre-select candidates", "Pre-selects the best seekers for each opening by match score (10 by default), at the version given"))
  )
  .add(
    step("invite", "/job-fairs/:id/invite")
      .setPayload(Schema.Struct({ version: Version }))
      .annotateContext(doc("Invite the candidates", "Invites the pre-selected seekers: a text message through the outbox where they agreed to one, else the call list"))
  )
  .add(
    step("attendance", "/job-fairs/:id/attendance")
      .setPayload(Schema.Struct({ version: Version, seekerIds: Schema.Array(Ids.SeekerId) }))
      .annotateContext(doc("Record attendance", "Records who came to the fair (seekerIds), at the version given"))
  )
  .add(
    step("schedule", "/job-fairs/:id/schedule")
      .setPayload(Schema.Struct({ version: Version }))
      .annotateContext(doc("Draw up the timetable", "Gives the attendees their interview slots with the employers, within each seeker's maximum"))
  )
  .add(
    step("result", "/job-fairs/:id/results")
      .setPayload(versionedForm("JobFairResultForm", JobFair.ResultForm))
      .addError(E.InvalidTransition)
      .addError(E.OpeningNotOpen)
      .addError(E.CalendarNotCovered)
      .addError(E.NoBusinessDayInWindow)
      .addError(E.AlreadyPlaced)
      .addError(E.ActiveReferralExists)
      .annotateContext(doc(
        "Record an interview's result",
        "Records an interview's result (seekerId, employerId, result, startOn for a hire) with the fair's version; a hire is recorded as the center's referral and placement"
      ))
  )
  .addError(E.NotYourCaseload)
  .annotate(OpenApi.Description, "Job fairs (일 잡는 데이): pre-selection, invitations, timetable, results")
{}
