/**
 * The field work's records and what each event finds, over HTTP: the
 * outreach sessions and discovery visits recorded, and the seekers and
 * employers registered on them where they were found — each registration
 * and its record on the event in one transaction (core's `EventFinds`).
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { DiscoveryVisit, Ids, Outreach, PsychTest } from "@iljari/core"
import { Schema } from "effect"
import * as E from "./ApiErrors.js"
import { form } from "./Forms.js"
import { acceptsIdempotencyKey, doc } from "./Params.js"
import { EmployerForm, EmployerRecord, SeekerForm, SeekerRecord, versioned } from "./Records.js"

const SessionRecord = versioned(Outreach.Session, "VersionedOutreachSession")
const VisitRecord = versioned(DiscoveryVisit.Visit, "VersionedDiscoveryVisit")
const ParticipantRecord = versioned(PsychTest.Participant, "VersionedPsychTestParticipant")

const EventId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))
const EventPath = (what: string) => Schema.Struct({ id: EventId.annotations({ description: `The ${what}'s id` }) })
// Decoded by core, so that a bad number is a ValidationError naming `positions`.
const PositionsForm = form("DiscoveryPositions", DiscoveryVisit.Finding.fields.positions)
  .annotations({ description: "The positions the employer said it would fill (a whole number from 0)" })

export class FieldWorkApi extends HttpApiGroup.make("fieldWork")
  .add(
    HttpApiEndpoint.get("outreachSessions", "/outreach-sessions")
      .addSuccess(Schema.Array(SessionRecord))
      .annotateContext(doc("List outreach sessions", "The district's outreach sessions with their versions, latest first"))
  )
  .add(
    HttpApiEndpoint.get("outreachSession", "/outreach-sessions/:id")
      .setPath(EventPath("outreach session"))
      .addSuccess(SessionRecord)
      .addError(E.NotFound)
      .annotateContext(doc("An outreach session", "One outreach session; the seekers it registered are logged as read"))
  )
  .add(
    HttpApiEndpoint.post("registerAtOutreach", "/outreach-sessions/:id/seekers").pipe(acceptsIdempotencyKey)
      .setPath(EventPath("outreach session"))
      .setPayload(SeekerForm)
      .addSuccess(Schema.Struct({ seeker: SeekerRecord, session: SessionRecord }), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.DuplicateSeeker)
      .annotateContext(doc(
        "Register a person met at an outreach session",
        "Registers a seeker (the same form as POST /seekers) and records them as the session's registration, in one transaction: a refused registration leaves the session as it was. A person registered before is a 409 DuplicateSeeker naming the existing id, which PUT /outreach-sessions/{id}/seekers/{seekerId} records instead"
      ))
  )
  .add(
    HttpApiEndpoint.put("addToOutreach", "/outreach-sessions/:id/seekers/:seekerId")
      .setPath(Schema.Struct({ id: EventId, seekerId: Ids.SeekerId }))
      .addSuccess(SessionRecord)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Record a registered seeker on an outreach session", "Records a seeker registered before as met at the session; once, however often it is asked"))
  )
  .add(
    HttpApiEndpoint.get("discoveryVisits", "/discovery-visits")
      .addSuccess(Schema.Array(VisitRecord))
      .annotateContext(doc("List discovery visits", "The district's discovery visits with their versions, latest first"))
  )
  .add(
    HttpApiEndpoint.get("discoveryVisit", "/discovery-visits/:id")
      .setPath(EventPath("discovery visit"))
      .addSuccess(VisitRecord)
      .addError(E.NotFound)
      .annotateContext(doc("A discovery visit", "One discovery visit; the employers it found are logged as read"))
  )
  .add(
    HttpApiEndpoint.post("registerAtVisit", "/discovery-visits/:id/employers").pipe(acceptsIdempotencyKey)
      .setPath(EventPath("discovery visit"))
      .setPayload(Schema.Struct({ employer: EmployerForm, positions: PositionsForm }))
      .addSuccess(Schema.Struct({ employer: EmployerRecord, visit: VisitRecord }), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc(
        "Register an employer a visit found",
        "Registers an employer (the same form as POST /employers) and records it on the visit as a finding with its positions, in one transaction"
      ))
  )
  .add(
    HttpApiEndpoint.put("addToVisit", "/discovery-visits/:id/employers/:employerId")
      .setPath(Schema.Struct({ id: EventId, employerId: Ids.EmployerId }))
      .setPayload(Schema.Struct({ positions: PositionsForm }))
      .addSuccess(VisitRecord)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Record a registered employer on a visit", "Records an employer registered before as found by the visit, with its positions; an employer the visit found already is refused"))
  )
  .add(
    HttpApiEndpoint.put("addOpeningToVisit", "/discovery-visits/:id/openings/:openingId")
      .setPath(Schema.Struct({ id: EventId, openingId: Ids.OpeningId }))
      .addSuccess(VisitRecord)
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .annotateContext(doc("Record an opening on a visit", "Records an opening of an employer the visit found, so that the visit counts it; another employer's opening, or one recorded already, is refused"))
  )
  .add(
    HttpApiEndpoint.post("registerForTest", "/psych-tests/:id/seekers").pipe(acceptsIdempotencyKey)
      .setPath(EventPath("test session"))
      .setPayload(SeekerForm)
      .addSuccess(Schema.Struct({ seeker: SeekerRecord, participant: ParticipantRecord }), { status: 201 })
      .addError(E.ValidationError)
      .addError(E.NotFound)
      .addError(E.StaleVersion)
      .addError(E.DuplicateSeeker)
      .addError(E.PsychTestRefused)
      .annotateContext(doc(
        "Register a newcomer for a test session",
        "Registers a seeker and signs them up for the session within its capacity, in one transaction: a full session registers no one (409 PsychTestRefused)"
      ))
  )
  .annotate(OpenApi.Description, "What the field work finds: seekers met at outreach sessions and signed up for tests, employers and openings found by discovery visits")
{}
