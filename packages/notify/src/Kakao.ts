/**
 * KakaoTalk 알림톡 with SMS fallback: a registry of the templates Kakao
 * approved (the template code and where each of its variables comes from,
 * per message kind), the 알림톡 built from a message, the SOLAPI message that
 * carries it with SOLAPI's own substitute sending (대체발송) — the
 * message's SMS/LMS text, checked against the SMS/LMS byte limits, goes out
 * instead when the person cannot receive the 알림톡 — and the reading of
 * SOLAPI's results into how the message reached the person.
 *
 * @example
 * ```ts
 * import { Kakao, Templates } from "@iljari/notify"
 * import { Either } from "effect"
 *
 * // The district's approved templates, decoded from its configuration.
 * const registry = Kakao.decodeRegistry({
 *   "interview-notice": {
 *     templateCode: "KA01TP230126010938204fWJtLZUIab",
 *     variables: { 이름: "name", 기업: "employer", 일시: "date", 시각: "time", 장소: "place", 문의처: "centerPhone" }
 *   }
 * })
 * const delivery = Either.flatMap(registry, (templates) =>
 *   Kakao.alimtalk({ registry: templates, templates: Templates.korean, center: { name: "성동구일자리센터", phone: "02-2286-5000" } }, {
 *     kind: "interview-notice",
 *     params: { name: "김민수", employer: "성수디지털(주)", date: "5월 20일", time: "14:00", place: "성수이로 113" },
 *     to: "010-1234-5678",
 *     idempotencyKey: "interview-notice:referral-0001"
 *   }))
 * ```
 *
 * @since 0.4.0
 * @module
 */
import type { Notifier } from "@iljari/core"
import { Either, ParseResult, Schema } from "effect"
import { digits, keyField } from "./internal/solapi.js"
import * as Sms from "./Sms.js"
import * as Templates from "./Templates.js"

// SOLAPI writes variables as #{name} itself and refuses names with dots.
const variableProblem = (name: string): string | undefined =>
  name.trim() === ""
    ? "a variable needs a name"
    : /[.{}#]/.test(name)
    ? "write the variable's name without #{…}, and without dots (SOLAPI refuses them)"
    : undefined

/**
 * One approved 알림톡 template: its code at SOLAPI (`templateId`, as Kakao
 * approved it) and, for each of its variables (`#{이름}` as `이름`), the
 * message parameter it takes its value from — one of the iljari template's
 * parameters, or `center` and `centerPhone` from the configuration.
 *
 * @since 0.4.0
 * @category registry
 */
export const Entry = Schema.Struct({
  templateCode: Schema.String.pipe(Schema.filter((code) => code.trim() !== "" || "the approved template's code is required")),
  variables: Schema.Record({
    key: Schema.String,
    value: Schema.String.pipe(Schema.filter((param) => param.trim() !== "" || "name the parameter the variable takes its value from"))
  })
})
/** @since 0.4.0 @category registry */
export type Entry = typeof Entry.Type

/**
 * The district's 알림톡 templates by message kind (the iljari template's
 * name, such as `interview-notice`). Kinds without an entry go as SMS/LMS.
 *
 * @since 0.4.0
 * @category registry
 */
export const Registry = Schema.Record({ key: Schema.String, value: Entry })
/** @since 0.4.0 @category registry */
export type Registry = typeof Registry.Type

/**
 * A template registry that cannot be used, with every problem and the field
 * it is in.
 *
 * @since 0.4.0
 * @category errors
 */
export class RegistryError extends Schema.TaggedError<RegistryError>()("RegistryError", {
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `The 알림톡 template registry cannot be used: ${this.problems.join("; ")}`
  }
}

const pathOf = (path: ReadonlyArray<PropertyKey>) =>
  path.map((key, i) => (i === 0 ? String(key) : `.${String(key)}`)).join("")

/**
 * Decodes a registry from configuration and checks it against the message
 * templates: each kind must be an SMS template (its text is the fallback),
 * each variable named as Kakao shows it without `#{…}`, and each must come
 * from one of that template's parameters or `center`/`centerPhone`. Every problem names its field
 * (`interview-notice.variables.이름`).
 *
 * @since 0.4.0
 * @category registry
 */
export const decodeRegistry = (
  input: unknown,
  templates: ReadonlyArray<Templates.Template> = Templates.korean
): Either.Either<Registry, RegistryError> =>
  Either.flatMap(
    Either.mapLeft(Schema.decodeUnknownEither(Registry, { errors: "all" })(input), (error) =>
      new RegistryError({
        problems: ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) =>
          issue.path.length === 0 ? issue.message : `${pathOf(issue.path)}: ${issue.message}`
        )
      })),
    (registry) => {
      const problems: Array<string> = []
      for (const [kind, entry] of Object.entries(registry)) {
        const template = templates.find((t) => t.name === kind)
        if (template === undefined) {
          problems.push(`${kind}: no message template of that name`)
          continue
        }
        if (template.channel !== "sms") {
          problems.push(`${kind}: the template goes by ${template.channel}; only SMS templates have a 알림톡 (its text is the fallback)`)
          continue
        }
        const known = new Set([...template.params, "center", "centerPhone"])
        for (const [variable, param] of Object.entries(entry.variables)) {
          const misnamed = variableProblem(variable)
          if (misnamed !== undefined) problems.push(`${kind}.variables.${variable}: ${misnamed}`)
          else if (!known.has(param)) {
            problems.push(`${kind}.variables.${variable}: "${param}" is not a parameter of the template (${[...known].join(", ")})`)
          }
        }
      }
      return problems.length === 0 ? Either.right(registry) : Either.left(new RegistryError({ problems }))
    }
  )

/**
 * What {@link alimtalk} needs besides the message: the registry, the message
 * templates (for the fallback text) and the center's name and phone.
 *
 * @since 0.4.0
 * @category building
 */
export interface Options {
  readonly registry: Registry
  readonly templates: ReadonlyArray<Templates.Template>
  readonly center: { readonly name: string; readonly phone: string }
}

/**
 * Builds the 알림톡 for a message of a kind the registry has: the template
 * code, its variables filled from the parameters, and the fallback — the
 * kind's SMS template, rendered and within the SMS/LMS limits (else
 * `SmsRefused`, as for an SMS).
 *
 * @since 0.4.0
 * @category building
 */
export const alimtalk = (
  options: Options,
  message: {
    readonly kind: string
    readonly params: Readonly<Record<string, string>>
    readonly to: string
    readonly idempotencyKey: string
  }
): Either.Either<Notifier.AlimTalkDelivery, Templates.TemplateError | Sms.SmsRefused> =>
  Either.gen(function*() {
    const entry = options.registry[message.kind]
    if (entry === undefined) {
      return yield* Either.left(new Templates.TemplateError({ template: message.kind, reason: "no 알림톡 template in the registry" }))
    }
    const rendered = yield* Templates.render(options.templates, message.kind, message.params, options.center)
    const fallback = yield* Sms.classify(rendered.text, rendered.subject)
    const values: Record<string, string> = { ...message.params, center: options.center.name, centerPhone: options.center.phone }
    const missing = Object.values(entry.variables).filter((param) => values[param] === undefined)
    if (missing.length > 0) {
      return yield* Either.left(new Templates.TemplateError({ template: message.kind, reason: `missing parameter(s) for the 알림톡: ${missing.join(", ")}` }))
    }
    return {
      channel: "kakao" as const,
      to: message.to,
      templateCode: entry.templateCode,
      variables: Object.fromEntries(Object.entries(entry.variables).map(([variable, param]) => [variable, values[param]!])),
      fallback: fallback.subject === undefined ? { text: rendered.text } : { text: rendered.text, subject: fallback.subject },
      idempotencyKey: message.idempotencyKey
    }
  })

/**
 * The message SOLAPI receives for a 알림톡: type `ATA`, the Kakao channel
 * (`pfId`), the template code and its variables (`#{name}`), substitute
 * sending on (`disableSms: false`) with the fallback text as the substitute
 * SMS/LMS (`replacements`), numbers without hyphens, the pre-registered
 * sender, and the idempotency key in `customFields.idempotencyKey`.
 *
 * @since 0.4.0
 * @category solapi
 */
export interface SolapiAlimTalk {
  readonly to: string
  readonly from: string
  readonly type: "ATA"
  readonly kakaoOptions: {
    readonly pfId: string
    readonly templateId: string
    readonly variables: Readonly<Record<string, string>>
    readonly disableSms: false
  }
  readonly replacements: ReadonlyArray<{
    readonly to: string
    readonly from: string
    readonly type: "SMS" | "LMS"
    readonly text: string
    readonly subject?: string
  }>
  readonly customFields: { readonly idempotencyKey: string }
}

/**
 * Builds {@link SolapiAlimTalk}, refusing a fallback text beyond the SMS/LMS
 * limits (the substitute SMS must be sendable, or the person without
 * KakaoTalk gets nothing).
 *
 * @since 0.4.0
 * @category solapi
 */
export const toSolapi = (
  delivery: Notifier.AlimTalkDelivery,
  options: { readonly pfId: string; readonly sender: string }
): Either.Either<SolapiAlimTalk, Sms.SmsRefused> =>
  Either.map(Sms.classify(delivery.fallback.text, delivery.fallback.subject), (classified) => {
    const to = digits(delivery.to)
    const from = digits(options.sender)
    return {
      to,
      from,
      type: "ATA" as const,
      kakaoOptions: {
        pfId: options.pfId,
        templateId: delivery.templateCode,
        variables: Object.fromEntries(Object.entries(delivery.variables).map(([name, value]) => [`#{${name}}`, value])),
        disableSms: false as const
      },
      replacements: [{
        to,
        from,
        type: classified.type,
        text: delivery.fallback.text,
        ...(classified.subject === undefined ? {} : { subject: classified.subject })
      }],
      customFields: { idempotencyKey: keyField(delivery.idempotencyKey) }
    }
  })

/**
 * A message as SOLAPI's message list shows it (the fields iljari reads).
 *
 * @since 0.4.0
 * @category solapi
 */
export interface StoredMessage {
  readonly messageId?: string | undefined
  readonly groupId?: string | undefined
  readonly type?: string | null | undefined
  readonly statusCode?: string | null | undefined
  readonly reason?: string | null | undefined
  /** Whether this message is a substitute (대체발송) for a failed 알림톡. */
  readonly replacement?: boolean | undefined
  readonly customFields?: Readonly<Record<string, string>> | null | undefined
}

/**
 * Where a 알림톡 stands, read from SOLAPI's records of it: delivered (as
 * 알림톡, or by the substitute SMS/LMS), not yet known (accepted, in
 * progress, or the 알림톡 failed and the substitute is not reported yet), or
 * failed (the substitute failed too).
 *
 * @since 0.4.0
 * @category solapi
 */
export type Outcome =
  | { readonly _tag: "Delivered"; readonly via: "kakao" | "sms-fallback" }
  | { readonly _tag: "Pending" }
  | { readonly _tag: "Failed"; readonly reason: string }

// SOLAPI's status codes: 2000 accepted, 3000 handed to Kakao or the carrier,
// 4000 received; any other code is a failure.
const settled = (m: StoredMessage) => m.statusCode != null && m.statusCode !== "2000" && m.statusCode !== "3000"
const received = (m: StoredMessage) => m.statusCode === "4000"
const isSubstitute = (m: StoredMessage) => m.replacement === true || (m.type != null && m.type !== "ATA")

/**
 * Reads SOLAPI's records of one 알림톡 (the 알림톡 and, if SOLAPI
 * substituted it, the SMS/LMS; the records that carry its idempotency key)
 * into an {@link Outcome}.
 *
 * @since 0.4.0
 * @category solapi
 */
export const outcomeOf = (records: ReadonlyArray<StoredMessage>): Outcome => {
  const substitutes = records.filter(isSubstitute)
  const talks = records.filter((m) => !isSubstitute(m))
  if (substitutes.some(received)) return { _tag: "Delivered", via: "sms-fallback" }
  if (talks.some(received)) return { _tag: "Delivered", via: "kakao" }
  const failedSubstitute = substitutes.find((m) => settled(m))
  if (failedSubstitute !== undefined && !substitutes.some((m) => !settled(m))) {
    const talk = talks.find(settled)
    return {
      _tag: "Failed",
      reason: `the 알림톡 failed${talk === undefined ? "" : ` (${talk.statusCode}${talk.reason ? ` ${talk.reason}` : ""})`} and so did the substitute SMS (${failedSubstitute.statusCode}${
        failedSubstitute.reason ? ` ${failedSubstitute.reason}` : ""
      })`
    }
  }
  return { _tag: "Pending" }
}
