/**
 * Decoding at the boundary: the only way data enters the domain.
 *
 * Every failure becomes a {@link ValidationError} listing each issue with the
 * field it concerns (`contact.phone`, `desiredOccupations[1]`) and the rule it
 * broke, so a form can show the message beside the field and a log line reads
 * on its own.
 *
 * @example
 * ```ts
 * import { Seeker, Validation } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * // Decoding is the only way data enters; a bad form fails with every field named.
 * const decodeSeeker = Validation.decode(Seeker.Seeker)
 * const checked = decodeSeeker({ name: "" }).pipe(
 *   Effect.catchTag("ValidationError", (error) => Effect.succeed(error.issues.map((issue) => issue.path)))
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Effect, Either, ParseResult, Schema, SchemaAST } from "effect"

/**
 * One broken rule: the field's path (`""` for the record as a whole) and a
 * message a counselor or an integrator can act on.
 *
 * @since 0.1.0
 * @category models
 */
export class ValidationIssue extends Schema.Class<ValidationIssue>("ValidationIssue")({
  path: Schema.String,
  message: Schema.String
}) {}

/**
 * Input that does not decode into a domain value.
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  /** What was being decoded, e.g. `Seeker`. */
  subject: Schema.String,
  issues: Schema.NonEmptyArray(ValidationIssue)
}) {
  override get message(): string {
    return `Invalid ${this.subject}: ${this.issues.map(formatIssue).join("; ")}`
  }
}

const formatIssue = (issue: ValidationIssue): string =>
  issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`

/**
 * Renders a path as a reader would write it: `contact.phone`, `consents[0].givenAt`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === "number"
        ? `${acc}[${key}]`
        : acc === ""
        ? String(key)
        : `${acc}.${String(key)}`,
    ""
  )

const subjectOf = (ast: SchemaAST.AST): string => {
  const annotated = SchemaAST.getIdentifierAnnotation(ast).pipe(
    (o) => (o._tag === "Some" ? o : SchemaAST.getTitleAnnotation(ast))
  )
  if (annotated._tag === "Some") return annotated.value
  if (SchemaAST.isTransformation(ast)) return subjectOf(ast.to)
  if (SchemaAST.isRefinement(ast)) return subjectOf(ast.from)
  return "input"
}

const toIssues = (error: ParseResult.ParseError): ReadonlyArray<ValidationIssue> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map(
    (issue) =>
      new ValidationIssue({
        path: formatPath(issue.path),
        // Excess properties are refused rather than dropped, so an integrator who
        // sends a field we never keep (an age, a resident number) hears about it.
        message: issue._tag === "Unexpected" ? "is not a field of this record and is not accepted" : issue.message
      })
  )

const options: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error" }

/**
 * Decodes unknown input, reporting every broken rule at once.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const decode = Schema.decodeUnknownEither(schema, options)
  const subject = subjectOf(schema.ast)
  return (input: unknown): Either.Either<A, ValidationError> =>
    Either.mapLeft(decode(input), (error) => {
      const [first, ...rest] = toIssues(error)
      return new ValidationError({
        subject,
        issues: first === undefined ? [new ValidationIssue({ path: "", message: error.message })] : [first, ...rest]
      })
    })
}

/**
 * Decodes unknown input in an `Effect`, failing with {@link ValidationError}.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const run = decodeEither(schema)
  return (input: unknown): Effect.Effect<A, ValidationError> => Effect.suspend(() => run(input))
}
