/**
 * The handlers of the field work's records and finds: each calls one
 * `Events` or `EventFinds` use case as the authenticated user.
 */
import { HttpApiBuilder } from "@effect/platform"
import { EventFinds, Events } from "@iljari/core"
import { Effect } from "effect"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"
import { idempotent } from "./Idempotent.js"

export const FieldWorkLive = HttpApiBuilder.group(Api, "fieldWork", (handlers) =>
  handlers
    .handle("outreachSessions", () => Effect.flatMap(actor, Events.listOutreach))
    .handle("outreachSession", ({ path }) => Effect.flatMap(actor, (who) => Events.outreachSession(who, path.id)))
    .handle("registerAtOutreach", ({ path, payload }) =>
      idempotent(Effect.flatMap(actor, (who) => EventFinds.registerAtOutreach(who, path.id, payload))))
    .handle("addToOutreach", ({ path }) => Effect.flatMap(actor, (who) => EventFinds.addToOutreach(who, path.id, path.seekerId)))
    .handle("discoveryVisits", () => Effect.flatMap(actor, Events.listVisits))
    .handle("discoveryVisit", ({ path }) => Effect.flatMap(actor, (who) => Events.visit(who, path.id)))
    .handle("registerAtVisit", ({ path, payload }) =>
      idempotent(Effect.flatMap(actor, (who) => EventFinds.registerAtVisit(who, path.id, payload.employer, payload.positions))))
    .handle("addToVisit", ({ path, payload }) =>
      Effect.flatMap(actor, (who) => EventFinds.addToVisit(who, path.id, path.employerId, payload.positions)))
    .handle("addOpeningToVisit", ({ path }) => Effect.flatMap(actor, (who) => EventFinds.addOpening(who, path.id, path.openingId)))
    .handle("registerForTest", ({ path, payload }) =>
      idempotent(Effect.flatMap(actor, (who) => EventFinds.registerForTest(who, path.id, payload))))
)
