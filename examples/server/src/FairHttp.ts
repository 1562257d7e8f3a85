/**
 * The job-fair handlers: each step is the core `JobFair` use case as the
 * authenticated user, answered with the fair and its figures.
 */
import { HttpApiBuilder } from "@effect/platform"
import { JobFair, type Repositories } from "@iljari/core"
import { Effect } from "effect"
import { splitVersion } from "./Forms.js"
import { idempotent } from "./Idempotent.js"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

const withOutcome = (stored: Repositories.Versioned<JobFair.JobFair>) => ({ ...stored, outcome: JobFair.outcome(stored.value) })

export const FairsLive = HttpApiBuilder.group(Api, "fairs", (handlers) =>
  handlers
    .handle("create", ({ payload }) => idempotent(Effect.map(Effect.flatMap(actor, (who) => JobFair.create(who, payload)), withOutcome)))
    .handle("get", ({ path }) => Effect.map(Effect.flatMap(actor, (who) => JobFair.get(who, path.id)), withOutcome))
    .handle("preselect", ({ path, payload }) =>
      Effect.map(
        Effect.flatMap(actor, (who) => JobFair.preselect(who, path.id, payload.version, payload.perOpening ?? 10)),
        withOutcome
      ))
    .handle("invite", ({ path, payload }) =>
      Effect.map(Effect.flatMap(actor, (who) => JobFair.invite(who, path.id, payload.version)), withOutcome))
    .handle("attendance", ({ path, payload }) =>
      Effect.map(
        Effect.flatMap(actor, (who) => JobFair.recordAttendance(who, path.id, payload.version, payload.seekerIds)),
        withOutcome
      ))
    .handle("schedule", ({ path, payload }) =>
      Effect.map(Effect.flatMap(actor, (who) => JobFair.schedule(who, path.id, payload.version)), withOutcome))
    .handle("result", ({ path, payload }) =>
      Effect.map(Effect.flatMap(actor, (who) => JobFair.recordResult(who, path.id, payload.version, splitVersion(payload).form)), withOutcome))
)
