/**
 * The failures the ports and use cases report. Each is a `Schema.TaggedError`,
 * so it serialises and a server can map it to an HTTP status by its tag.
 *
 * @example
 * ```ts
 * import { Errors, Ids, JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * // The storage errors every port may fail with, told apart by their tag.
 * const seeker = JobCenter.getSeeker(actor, Ids.SeekerId.make("seeker-0001")).pipe(
 *   Effect.catchTag("NotFound", () => Effect.succeed(undefined))
 * )
 * const isStorageError = (error: unknown) => error instanceof Errors.PersistenceError
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"

/**
 * A record that does not exist in the caller's district. A record of another
 * district is reported the same way, so its existence does not leak.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  kind: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `No ${this.kind} with id "${this.id}" in this district`
  }
}

/**
 * An update based on a version that is no longer current: someone else saved
 * the record first. Reload, reapply, retry.
 *
 * @since 0.1.0
 * @category errors
 */
export class StaleVersion extends Schema.TaggedError<StaleVersion>()("StaleVersion", {
  kind: Schema.String,
  id: Schema.String,
  expected: Schema.Number,
  actual: Schema.Number
}) {
  override get message(): string {
    return `The ${this.kind} "${this.id}" was changed by someone else: you edited version ${this.expected}, the current version is ${this.actual}. Reload it and apply your change again.`
  }
}

/**
 * A second record with an id that is already taken.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateId extends Schema.TaggedError<DuplicateId>()("DuplicateId", {
  kind: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `A ${this.kind} with id "${this.id}" already exists`
  }
}

/**
 * A storage failure (connection lost, disk full, constraint the library did
 * not expect). Adapters map driver errors to this instead of dying.
 *
 * @since 0.1.0
 * @category errors
 */
export class PersistenceError extends Schema.TaggedError<PersistenceError>()("PersistenceError", {
  operation: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Storage failed during ${this.operation}: ${this.reason}`
  }
}
