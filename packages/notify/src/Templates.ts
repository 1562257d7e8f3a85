/**
 * The messages a job center sends, in Korean. Each template has a purpose
 * (service or advertising, which decides the consent it needs), a channel,
 * the kind of recipient it addresses, and the parameters it fills in.
 *
 * @example
 * ```ts
 * import { Templates } from "@iljari/notify"
 *
 * const rendered = Templates.render(
 *   Templates.korean,
 *   "interview-notice",
 *   { name: "김민수", employer: "성수디지털(주)", date: "5월 20일", time: "14:00", place: "성수이로 113" },
 *   { name: "성동구 일자리센터", phone: "02-2286-5000" }
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Either, Schema } from "effect"

/**
 * A message template.
 *
 * @since 0.1.0
 * @category models
 */
export interface Template {
  readonly name: string
  readonly purpose: "service" | "advertising"
  readonly channel: "sms" | "email"
  readonly recipient: "seeker" | "employer" | "counselor"
  /** The parameters the message needs, besides the center's own. */
  readonly params: ReadonlyArray<string>
  readonly subject?: string
  /** The text, with `{param}` placeholders; `{center}` and `{centerPhone}` come from the configuration. */
  readonly text: string
}

const template = (t: Template): Template => t

/**
 * The templates iljari ships. A district may pass its own list to the
 * dispatcher instead.
 *
 * @since 0.1.0
 * @category templates
 */
export const korean: ReadonlyArray<Template> = [
  template({
    name: "job-fair-invitation",
    purpose: "service",
    channel: "sms",
    recipient: "seeker",
    params: ["name", "date", "venue"],
    text: "[{center}] {name}님, {date} {venue}에서 열리는 '일 잡는 데이' 현장면접에 초대합니다. 참석 여부를 알려 주세요. 문의 {centerPhone}"
  }),
  template({
    name: "interview-notice",
    purpose: "service",
    channel: "sms",
    recipient: "seeker",
    params: ["name", "employer", "date", "time", "place"],
    subject: "면접 안내",
    text:
      "[{center}] {name}님, 면접 일정을 안내드립니다.\n기업: {employer}\n일시: {date} {time}\n장소: {place}\n신분증과 이력서를 지참해 주세요. 변경이 필요하면 {centerPhone}으로 연락 주세요."
  }),
  template({
    name: "referral-notice",
    purpose: "service",
    channel: "email",
    recipient: "employer",
    params: ["employer", "opening", "candidate", "counselor"],
    subject: "[{center}] {opening} 채용 관련 구직자 알선 안내",
    text:
      "{employer} 채용 담당자님께,\n\n{center}에서 '{opening}' 채용에 {candidate} 님을 알선합니다. 면접 일정은 담당 상담사 {counselor}({centerPhone})와 협의해 주시기 바랍니다.\n\n{center} 드림"
  }),
  template({
    name: "psychological-test-result",
    purpose: "service",
    channel: "email",
    recipient: "seeker",
    params: ["name", "test", "summary"],
    subject: "[{center}] {test} 결과 안내",
    text:
      "{name}님, 지난번 응시하신 {test}의 결과를 보내 드립니다.\n\n{summary}\n\n결과 해석 상담을 원하시면 {centerPhone}으로 연락 주세요.\n\n{center} 드림"
  }),
  template({
    name: "follow-up-digest",
    purpose: "service",
    channel: "email",
    recipient: "counselor",
    params: ["counselor", "date", "dueToday", "overdue", "list"],
    subject: "[{center}] {date} 사후관리 전화 목록 (오늘 {dueToday}건, 지연 {overdue}건)",
    text: "{counselor} 상담사님, {date} 사후관리 대상입니다.\n\n{list}\n\n취업자 사후관리대장에 결과를 기록해 주세요."
  }),
  template({
    name: "follow-up-schedule",
    purpose: "service",
    channel: "sms",
    recipient: "seeker",
    params: ["firstCheck", "checks"],
    text: "[{center}] 취업을 축하드립니다. 적응을 돕기 위해 {firstCheck}부터 {checks}차례 안부 전화를 드리겠습니다. 문의 {centerPhone}"
  }),
  template({
    name: "reemployment-support",
    purpose: "service",
    channel: "sms",
    recipient: "seeker",
    params: [],
    text: "[{center}] 재취업을 함께 준비하겠습니다. 편하실 때 {centerPhone}으로 연락 주시면 상담을 도와드립니다."
  }),
  template({
    name: "job-fair-advertisement",
    purpose: "advertising",
    channel: "sms",
    recipient: "seeker",
    params: ["date"],
    text: "(광고)[{center}] {date} 일 잡는 데이 채용행사 개최! 현장면접 기회를 잡으세요. 무료수신거부 {centerPhone}"
  })
]

/**
 * A template cannot be filled in: it does not exist, or a parameter is missing.
 *
 * @since 0.1.0
 * @category errors
 */
export class TemplateError extends Schema.TaggedError<TemplateError>()("TemplateError", {
  template: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Template "${this.template}": ${this.reason}`
  }
}

/**
 * A filled-in message.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rendered {
  readonly subject?: string
  readonly text: string
}

/**
 * Fills in a template with its parameters and the center's name and phone.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (
  templates: ReadonlyArray<Template>,
  name: string,
  params: Readonly<Record<string, string>>,
  center: { readonly name: string; readonly phone: string }
): Either.Either<Rendered, TemplateError> => {
  const found = templates.find((t) => t.name === name)
  if (found === undefined) return Either.left(new TemplateError({ template: name, reason: "no such template" }))
  const missing = found.params.filter((p) => params[p] === undefined)
  if (missing.length > 0) {
    return Either.left(new TemplateError({ template: name, reason: `missing parameter(s): ${missing.join(", ")}` }))
  }
  const values: Record<string, string> = { ...params, center: center.name, centerPhone: center.phone }
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
  return Either.right(found.subject === undefined ? { text: fill(found.text) } : { subject: fill(found.subject), text: fill(found.text) })
}
