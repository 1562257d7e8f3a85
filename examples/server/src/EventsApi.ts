/**
 * Outreach, discovery visits and satisfaction surveys over HTTP: record
 * them, and read them against their plans or as scores.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { DiscoveryVisit, Errors, Events, Ids, JobCafe, LocalDate, Outreach, Partner, PsychTest, StudyRooms, Survey, Validation } from "@iljari/core"
import { Schema, Struct } from "effect"
import { form } from "./Forms.js"

const versioned = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.Struct({ value: schema, version: Schema.Int }).annotations({ identifier })

const invalid = { status: 400 } as const

const Version = Schema.Struct({ version: Schema.NumberFromString.pipe(Schema.int(), Schema.positive()) })

const Participant = versioned(PsychTest.Participant, "VersionedPsychTestParticipant")

const Month = Schema.String.pipe(Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/, { message: () => "month must be written YYYY-MM" }))

export class EventsApi extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.post("recordOutreach", "/outreach-sessions")
      .setPayload(form("OutreachSessionForm", Schema.Struct(Struct.omit(Outreach.Session.fields, "id", "districtId"))))
      .addSuccess(versioned(Outreach.Session, "VersionedOutreachSession"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
  )
  .add(
    HttpApiEndpoint.get("outreachProgress", "/outreach-sessions/progress")
      .setUrlParams(Schema.Struct({ month: Month }))
      .addSuccess(Schema.Struct({
        month: Schema.String,
        bySite: Schema.Array(Schema.Struct({ site: Outreach.SiteKind, planned: Schema.Int, held: Schema.Int, shortfall: Schema.Int })),
        planned: Schema.Int,
        held: Schema.Int,
        counselled: Schema.Int,
        counseling: Schema.Int,
        registrations: Schema.Int,
        met: Schema.Boolean
      }))
      .annotate(OpenApi.Description, "A month's outreach against the seeds' plan (4 stations, 1 shelter, 1 library)")
  )
  .add(
    HttpApiEndpoint.post("recordVisit", "/discovery-visits")
      .setPayload(form("DiscoveryVisitForm", Schema.Struct(Struct.omit(DiscoveryVisit.Visit.fields, "id", "districtId"))))
      .addSuccess(versioned(DiscoveryVisit.Visit, "VersionedDiscoveryVisit"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
  )
  .add(
    HttpApiEndpoint.get("discoveryProgress", "/discovery-visits/progress")
      .setUrlParams(Schema.Struct({
        year: Schema.NumberFromString.pipe(Schema.int(), Schema.between(2000, 2100)),
        buildings: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        openings: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        positions: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())),
        asOf: Schema.optional(LocalDate.LocalDate)
      }))
      .addSuccess(Schema.Struct({
        asOf: Schema.String,
        visits: Schema.Int,
        buildings: Schema.Int,
        openings: Schema.Int,
        positions: Schema.Int,
        reached: Schema.Struct({ buildings: Schema.Number, openings: Schema.Number, positions: Schema.Number }),
        yearElapsed: Schema.Number
      }))
      .annotate(OpenApi.Description, "A year's visits against its plan (default: the seeds' 30 centers, 200 openings, 270 positions)")
  )
  .add(
    HttpApiEndpoint.post("createSurvey", "/surveys")
      .setPayload(form("QuestionnaireForm", Survey.Questionnaire))
      .addSuccess(versioned(Survey.Questionnaire, "VersionedQuestionnaire"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
  )
  .add(
    HttpApiEndpoint.post("respond", "/surveys/:id/responses")
      .setPath(Schema.Struct({ id: Schema.String }))
      .setPayload(form("SurveyResponseForm", Schema.Struct(Struct.omit(Survey.Response.fields, "id", "districtId", "questionnaireId"))))
      .addSuccess(versioned(Survey.Response, "VersionedSurveyResponse"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, { status: 404 })
  )
  .add(
    HttpApiEndpoint.get("scores", "/surveys/:id/scores")
      .setPath(Schema.Struct({ id: Schema.String }))
      .setUrlParams(Schema.Struct({
        from: LocalDate.LocalDate,
        to: LocalDate.LocalDate,
        by: Schema.optional(Schema.Literal("all", "counselor", "month"))
      }))
      .addSuccess(Schema.Array(Schema.Struct({
        key: Schema.String,
        responses: Schema.Int,
        average: Schema.NullOr(Schema.Number),
        satisfiedShare: Schema.NullOr(Schema.Number)
      })))
      .addError(Errors.NotFound, { status: 404 })
  )
  .add(
    HttpApiEndpoint.post("scheduleTest", "/psych-tests")
      .setPayload(form("PsychTestSessionForm", Schema.Struct(Struct.omit(PsychTest.Session.fields, "id", "districtId"))))
      .addSuccess(versioned(PsychTest.Session, "VersionedPsychTestSession"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .annotate(OpenApi.Description, "Schedules a vocational psychological test session (직업심리검사)")
  )
  .add(
    HttpApiEndpoint.get("tests", "/psych-tests").addSuccess(Schema.Array(versioned(PsychTest.Session, "VersionedPsychTestSession")))
  )
  .add(
    HttpApiEndpoint.post("registerParticipant", "/psych-tests/:id/participants")
      .setPath(Schema.Struct({ id: Schema.String }))
      .setPayload(Schema.Struct({ seekerId: Ids.SeekerId }))
      .addSuccess(Participant, { status: 201 })
      .addError(Errors.NotFound, { status: 404 })
      .addError(PsychTest.Refused, { status: 409 })
      .annotate(OpenApi.Description, "Registers a seeker for a test session, within its capacity and once")
  )
  .add(
    HttpApiEndpoint.get("participants", "/psych-tests/:id/participants")
      .setPath(Schema.Struct({ id: Schema.String }))
      .addSuccess(Schema.Array(Participant))
      .addError(Errors.NotFound, { status: 404 })
  )
  .add(
    HttpApiEndpoint.post("recordTestResult", "/psych-test-participants/:id/result")
      .setPath(Schema.Struct({ id: Schema.String }))
      .setUrlParams(Version)
      .setPayload(form("PsychTestResultForm", Events.ResultForm))
      .addSuccess(Participant)
      .addError(Validation.ValidationError, invalid)
      .addError(Errors.NotFound, { status: 404 })
      .addError(Errors.StaleVersion, { status: 409 })
      .annotate(OpenApi.Description, "Records whether the participant sat the test, and their result")
  )
  .add(
    HttpApiEndpoint.post("deliverResult", "/psych-test-participants/:id/delivery")
      .setPath(Schema.Struct({ id: Schema.String }))
      .setUrlParams(Version)
      .setPayload(Schema.Struct({ by: PsychTest.Delivery }))
      .addSuccess(Participant)
      .addError(Errors.NotFound, { status: 404 })
      .addError(Errors.StaleVersion, { status: 409 })
      .addError(PsychTest.Refused, { status: 409 })
      .annotate(OpenApi.Description, "Delivers the result to the participant alone: in person, or by e-mail with their consent")
  )
  .add(
    HttpApiEndpoint.post("recordDemand", "/training-demand")
      .setPayload(form("TrainingDemandForm", Schema.Struct(Struct.omit(Partner.DemandResponse.fields, "id", "districtId"))))
      .addSuccess(versioned(Partner.DemandResponse, "VersionedTrainingDemandResponse"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .annotate(OpenApi.Description, "Records an answer to the training demand survey (교육 수요조사)")
  )
  .add(
    HttpApiEndpoint.post("book", "/study-rooms/bookings")
      .setPayload(form("StudyRoomBookingForm", JobCafe.Booking))
      .addSuccess(versioned(StudyRooms.StoredBooking, "VersionedStudyRoomBooking"), { status: 201 })
      .addError(Validation.ValidationError, invalid)
      .addError(JobCafe.BookingRefused, { status: 409 })
      .annotate(OpenApi.Description, "Books a job-café study room: free, at most 3 hours a day per person, no overlaps")
  )
  .add(
    HttpApiEndpoint.get("bookings", "/study-rooms/bookings")
      .setUrlParams(Schema.Struct({ on: LocalDate.LocalDate }))
      .addSuccess(Schema.Array(versioned(StudyRooms.StoredBooking, "VersionedStudyRoomBooking")))
  )
  .annotate(OpenApi.Description, "Outreach (찾아가는 일자리상담실), discovery visits (일자리발굴단), satisfaction surveys and job-café study rooms")
{}
