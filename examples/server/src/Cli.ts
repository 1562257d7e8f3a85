/**
 * What the import and export commands share: who acts (a district and a
 * staff id, as the deployment when none is given), the language of what
 * they print, and how they end.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Ids, type JobCenter } from "@iljari/core"
import { Console, Effect, Layer, Schema } from "effect"
import { Storage } from "./Storage.js"

/** A refusal of the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const actorOf = (options: { readonly district?: string | undefined; readonly as?: string | undefined }) =>
  Effect.gen(function*() {
    const districtId = yield* Schema.decodeUnknown(Ids.DistrictId)(options.district ?? process.env["ILJARI_DISTRICT"] ?? "11200").pipe(
      Effect.mapError(() => new UsageError(`--district must be a 5-digit region code such as 11200 (성동구); got ${options.district}`))
    )
    // Without --as the command acts as the deployment itself, as `npm run admin` does.
    const counselorId = yield* Schema.decodeUnknown(Ids.CounselorId)(options.as ?? "deployment").pipe(
      Effect.mapError(() => new UsageError(`--as must be a staff id; got ${options.as}`))
    )
    return { districtId, counselorId, caseload: "district" } satisfies JobCenter.Actor
  })

export type Lang = "ko" | "en"

export const langOf = (given: string | undefined): Lang => (given === "en" ? "en" : "ko")

/** Runs a command on the server's storage (DATABASE_URL or ILJARI_DB, as `npm start`); usage errors exit 2, others 1. */
export const run = (usage: string, program: Effect.Effect<number, unknown, Layer.Layer.Success<typeof Storage>>) =>
  program.pipe(
    Effect.provide(Storage),
    Effect.catchAll((error) =>
      Console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : error instanceof Error ? error.message : String(error)).pipe(
        Effect.as(error instanceof UsageError ? 2 : 1)
      )
    ),
    Effect.flatMap((code) => Effect.sync(() => void (process.exitCode = code))),
    NodeRuntime.runMain({ disableErrorReporting: true })
  )
