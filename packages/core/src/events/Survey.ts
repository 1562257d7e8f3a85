/**
 * Satisfaction surveys (만족도 조사) of visitors and placed seekers: a
 * questionnaire, responses checked against it, and scores by period and by
 * counselor — the figure the seeds report as "상담 만족도 N점".
 *
 * A response may be anonymous (no seeker id); naming the counselor who
 * served lets scores be split by counselor. Free-text answers are `Note`s,
 * so a resident registration number typed into one is refused like anywhere
 * else.
 *
 * @example
 * ```ts
 * import { LocalDate, Survey } from "@iljari/core"
 *
 * declare const questionnaire: Survey.Questionnaire
 * declare const responses: ReadonlyArray<Survey.Response>
 * const byCounselor = Survey.scores(
 *   questionnaire,
 *   responses,
 *   { from: LocalDate.make(2026, 1, 1), to: LocalDate.make(2026, 6, 30) },
 *   "counselor"
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, Effect, Either, Schema } from "effect"
import { CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

const audiences = codeSet("SurveyAudience", [
  ["visitor", { ko: "방문자", en: "Visitors" }],
  ["placed-seeker", { ko: "취업자", en: "Placed seekers" }],
  ["event-participant", { ko: "행사 참여자", en: "Event participants" }]
])

/** @since 0.1.0 @category codes */
export const Audience = audiences.schema
/** @since 0.1.0 @category codes */
export type Audience = typeof Audience.Type
/** @since 0.1.0 @category codes */
export const audienceLabel = audiences.label

/**
 * A question: a rating from 1 (very dissatisfied) to 5 (very satisfied), a
 * choice among options, or free text.
 *
 * @since 0.1.0
 * @category models
 */
export const Question = Schema.Union(
  Schema.TaggedStruct("rating", { id: Label, text: Label, required: Schema.Boolean }),
  Schema.TaggedStruct("choice", {
    id: Label,
    text: Label,
    required: Schema.Boolean,
    options: distinctList(Label, { min: 2, max: 20 })
  }),
  Schema.TaggedStruct("text", { id: Label, text: Label, required: Schema.Boolean })
).annotations({ identifier: "Question" })
/** @since 0.1.0 @category models */
export type Question = typeof Question.Type

/**
 * A questionnaire; question ids are unique within it.
 *
 * @since 0.1.0
 * @category models
 */
export class Questionnaire extends Schema.Class<Questionnaire>("Questionnaire")(
  Schema.Struct({
    id: Label,
    districtId: DistrictId,
    title: Label,
    audience: Audience,
    questions: Schema.Array(Question).pipe(Schema.minItems(1), Schema.maxItems(50))
  }).pipe(
    Schema.filter((q) => {
      const seen = new Map<string, number>()
      for (const [i, question] of q.questions.entries()) {
        const first = seen.get(question.id)
        if (first !== undefined) {
          return { path: ["questions", i, "id"], message: `repeats questions[${first}].id "${question.id}"` }
        }
        seen.set(question.id, i)
      }
      return true
    })
  )
) {}

/** @since 0.1.0 @category decoding */
export const decodeQuestionnaire = Validation.decodeEither(Questionnaire)

/**
 * One answer: `rating` for rating questions, `choice` for choice questions,
 * `text` for text questions.
 *
 * @since 0.1.0
 * @category models
 */
export const Answer = Schema.Struct({
  questionId: Label,
  rating: Schema.optionalWith(
    Schema.Int.pipe(Schema.between(1, 5, { message: () => "must be a whole rating from 1 to 5" })),
    { exact: true }
  ),
  choice: Schema.optionalWith(Label, { exact: true }),
  text: Schema.optionalWith(Note, { exact: true })
}).annotations({ identifier: "Answer" })
/** @since 0.1.0 @category models */
export type Answer = typeof Answer.Type

/**
 * A response to a questionnaire.
 *
 * @since 0.1.0
 * @category models
 */
export class Response extends Schema.Class<Response>("SurveyResponse")({
  id: Label,
  districtId: DistrictId,
  questionnaireId: Label,
  respondedOn: LocalDate,
  /** The counselor who served the respondent, when known. */
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  /** Absent for an anonymous response. */
  seekerId: Schema.optionalWith(SeekerId, { exact: true }),
  answers: Schema.Array(Answer)
}) {}

/**
 * A response as erasure leaves it: ratings and choices stay (the scores
 * count them), free-text answers go.
 *
 * @since 0.2.0
 * @category erasure
 */
export const erased = (response: Response): Response =>
  new Response({ ...response, answers: response.answers.filter((answer) => answer.text === undefined) })

const decodeResponseShape = Validation.decodeEither(Response)

/**
 * Decodes a response and checks it against its questionnaire: every answer
 * names a question once, carries the kind of value its question asks for (a
 * choice among the options), and every required question is answered. Each
 * broken rule is named by its field.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeResponse = (questionnaire: Questionnaire) => (input: unknown): Either.Either<Response, Validation.ValidationError> =>
  Either.flatMap(decodeResponseShape(input), (response) => {
    const issues: Array<Validation.ValidationIssue> = []
    const issue = (path: string, message: string) => issues.push(new Validation.ValidationIssue({ path, message }))
    if (response.questionnaireId !== questionnaire.id) {
      issue("questionnaireId", `must be "${questionnaire.id}"; got "${response.questionnaireId}"`)
    }
    if (response.districtId !== questionnaire.districtId) {
      issue("districtId", `must be the questionnaire's district ${questionnaire.districtId}`)
    }
    const byId = new Map(questionnaire.questions.map((q) => [q.id, q]))
    const answered = new Map<string, number>()
    response.answers.forEach((answer, i) => {
      const at = `answers[${i}]`
      const question = byId.get(answer.questionId)
      if (question === undefined) return issue(`${at}.questionId`, `is not a question of "${questionnaire.id}"`)
      const first = answered.get(answer.questionId)
      if (first !== undefined) return issue(`${at}.questionId`, `answers question "${answer.questionId}" again (answers[${first}])`)
      answered.set(answer.questionId, i)
      const given = (["rating", "choice", "text"] as const).filter((k) => answer[k] !== undefined)
      if (given.length !== 1 || given[0] !== question._tag) {
        return issue(at, `must carry exactly "${question._tag}" for question "${question.id}"`)
      }
      if (question._tag === "choice" && !question.options.includes(answer.choice!)) {
        issue(`${at}.choice`, `must be one of ${question.options.map((o) => JSON.stringify(o)).join(", ")}`)
      }
    })
    questionnaire.questions.forEach((q) => {
      if (q.required && !answered.has(q.id)) issue("answers", `must answer the required question "${q.id}"`)
    })
    const [first, ...rest] = issues
    return first === undefined
      ? Either.right(response)
      : Either.left(new Validation.ValidationError({ subject: "SurveyResponse", issues: [first, ...rest] }))
  })

/**
 * Scores of one group of responses.
 *
 * @since 0.1.0
 * @category scores
 */
export interface Scores {
  /** The group: a counselor id, a month `YYYY-MM`, or `all`. */
  readonly key: string
  readonly responses: number
  /** The mean of every rating given, from 1 to 5; undefined without ratings. */
  readonly average: number | undefined
  /** The share of ratings of 4 or 5 (satisfied or very satisfied). */
  readonly satisfiedShare: number | undefined
  /** The mean rating of each rating question. */
  readonly byQuestion: ReadonlyArray<{ readonly questionId: string; readonly average: number | undefined; readonly answers: number }>
  /** How often each option of each choice question was picked. */
  readonly choices: ReadonlyArray<{ readonly questionId: string; readonly option: string; readonly count: number }>
}

/**
 * Scores of the responses given between `from` and `to` (both included),
 * overall or split by counselor or by month. Responses without a counselor
 * are grouped under `unknown` when split by counselor.
 *
 * @since 0.1.0
 * @category scores
 */
export const scores = (
  questionnaire: Questionnaire,
  responses: ReadonlyArray<Response>,
  period: { readonly from: LocalDate; readonly to: LocalDate },
  by: "all" | "counselor" | "month" = "all"
): ReadonlyArray<Scores> => {
  const groups = new Map<string, Array<Response>>()
  for (const r of responses) {
    if (r.questionnaireId !== questionnaire.id || r.respondedOn < period.from || r.respondedOn > period.to) continue
    const key = by === "all" ? "all" : by === "month" ? r.respondedOn.slice(0, 7) : r.counselorId ?? "unknown"
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const mean = (values: ReadonlyArray<number>) =>
    values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => {
    const answers = group.flatMap((r) => r.answers)
    const ratings = answers.flatMap((a) => (a.rating === undefined ? [] : [a.rating]))
    return {
      key,
      responses: group.length,
      average: mean(ratings),
      satisfiedShare: ratings.length === 0 ? undefined : ratings.filter((r) => r >= 4).length / ratings.length,
      byQuestion: questionnaire.questions.filter((q) => q._tag === "rating").map((q) => {
        const given = answers.filter((a) => a.questionId === q.id && a.rating !== undefined).map((a) => a.rating!)
        return { questionId: q.id, average: mean(given), answers: given.length }
      }),
      choices: questionnaire.questions.flatMap((q) =>
        q._tag === "choice"
          ? q.options.map((option) => ({
            questionId: q.id,
            option,
            count: answers.filter((a) => a.questionId === q.id && a.choice === option).length
          }))
          : []
      )
    }
  })
}

/**
 * Satisfaction questionnaires (see `Survey`).
 *
 * @since 0.1.0
 * @category ports
 */
export class QuestionnaireRepository extends Context.Tag("@iljari/core/QuestionnaireRepository")<QuestionnaireRepository, Store<Questionnaire, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Questionnaire, string>(db, "questionnaire"))
}

/**
 * Satisfaction survey responses (see `Survey`).
 *
 * @since 0.1.0
 * @category ports
 */
export class SurveyResponseRepository extends Context.Tag("@iljari/core/SurveyResponseRepository")<SurveyResponseRepository, Store<Response, string> & {
  /** The responses a seeker gave under their name (anonymous ones are nobody's). */
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<Response>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const responses = Memory.store<Response, string>(db, "survey response")
    return { ...responses, listBySeeker: (districtId, seekerId) => responses.filter(districtId, (r) => r.seekerId === seekerId) }
  })
}
