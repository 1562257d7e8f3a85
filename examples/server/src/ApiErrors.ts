/**
 * Every error the JSON API answers, in one shape (`Error` in the OpenAPI
 * document):
 *
 * ```json
 * { "_tag": "StaleVersion", "message": "…", "messageKo": "…", "field": "version", "kind": "seeker", … }
 * ```
 *
 * - `_tag`: what went wrong, one word (`ValidationError`, `NotFound`,
 *   `StaleVersion`, `Forbidden`, `Unauthorized`, `RouteNotFound`,
 *   `MethodNotAllowed`, …): what a program branches on;
 * - `message`: the English sentence; `messageKo`: the Korean one;
 * - `field`: the path of the offending field (`contact.phone`, `version`,
 *   `k`), when there is one;
 * - `issues`: for a `ValidationError`, every field with its rule, each
 *   `{ field, message, messageKo }`;
 * - the error's own details beside them (`kind`, `id`, `expected`,
 *   `actual`, `existingId`, …).
 *
 * The handlers keep failing with the core's typed errors; each is declared
 * through {@link wire}, whose encoded side is this shape, so the document,
 * the typed client and the answers agree. Decode errors of paths, queries
 * and bodies (`HttpApiDecodeError`, whose message is Effect's printout of
 * the schema) become `ValidationError`s here, and the server's own refusals
 * (no such route, a method the route does not take, a body that is not
 * JSON) are written in the same shape by {@link body}.
 */
import { type HttpApiError, HttpApiSchema, type OpenApi } from "@effect/platform"
import {
  Account,
  BusinessCalendar,
  Caseload,
  Errors,
  FollowUp,
  Idempotency,
  JobCafe,
  JobCenter,
  Placement,
  PsychTest,
  Referral,
  Session,
  SignIn,
  Staff,
  Validation
} from "@iljari/core"
import { ParseResult, Schema } from "effect"

// ---------------------------------------------------------------------------
// The shape
// ---------------------------------------------------------------------------

/** One field that broke a rule. */
export const ErrorIssue = Schema.Struct({
  field: Schema.String.annotations({ description: "The field's path, e.g. contact.phone or desiredOccupations[1]; empty for the request as a whole" }),
  message: Schema.String.annotations({ description: "The rule, in English" }),
  messageKo: Schema.String.annotations({ description: "The rule, in Korean" })
}).annotations({ identifier: "ErrorIssue" })

/** The one shape of every error answer. */
export const ErrorBody = Schema.Struct(
  {
    _tag: Schema.String.annotations({
      description:
        "What went wrong: ValidationError, MalformedRequest, Unauthorized, Forbidden, NotFound, RouteNotFound, MethodNotAllowed, StaleVersion, … (see the response's description for the ones a route gives)",
      examples: ["StaleVersion"]
    }),
    message: Schema.String.annotations({ description: "What went wrong and what to do, in English" }),
    messageKo: Schema.String.annotations({ description: "The same in Korean" }),
    field: Schema.optional(
      Schema.String.annotations({ description: "The path of the offending field (contact.phone, version, k), when there is one" })
    ),
    issues: Schema.optional(
      Schema.Array(ErrorIssue).annotations({ description: "ValidationError: every field that broke a rule, with the rule" })
    )
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
).annotations({
  identifier: "Error",
  description:
    "Every error answer: _tag, message (English), messageKo (Korean), field when one field is at fault, issues for a ValidationError, and the error's own details (kind, id, expected, actual, existingId, …)"
})
export type ErrorBody = typeof ErrorBody.Type

/** What an error says, besides its own fields. */
interface Said {
  readonly message: string
  readonly messageKo: string
  readonly field?: string | undefined
}

// ---------------------------------------------------------------------------
// Korean
// ---------------------------------------------------------------------------

const hangul = /[\uac00-\ud7a3]/

/** "English (한국어)", as many of the core's and the server's messages are written, split in two. */
export const split = (text: string): { readonly en: string; readonly ko: string } | undefined => {
  const match = /^([\s\S]*?)\s*\(([^()]*)\)\s*\.?$/.exec(text)
  if (match === null || !hangul.test(match[2]!) || hangul.test(match[1]!.replace(/\([^()]*\)/g, ""))) return undefined
  return { en: match[1]!.trim(), ko: match[2]!.trim() }
}

// The Korean of the messages the core's and the server's schemas give, by their English.
const registered = new Map<string, string>()

/** Gives an English rule its Korean; returns the English, for a schema's `message`. */
export const bilingual = (en: string, ko: string): string => {
  registered.set(en, ko)
  return en
}

const periodKo = (what: string) =>
  `${what}: 기간을 하나만 고르세요 — month=YYYY-MM (또는 year=YYYY&month=1–12), year=YYYY, week=YYYY-MM-DD, from=YYYY-MM-DD&to=YYYY-MM-DD`

const got = (rest: string | undefined) => rest === undefined || rest === "" ? "" : ` (받은 값: ${rest})`

const expected: Record<string, string> = {
  string: "문자열",
  number: "숫자",
  boolean: "true 또는 false",
  "an integer": "정수",
  "a positive number": "양수",
  "a non-negative number": "0 이상의 수",
  "a finite number": "유한한 수",
  "an array": "배열",
  "an object": "객체"
}

const rules: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^is (?:missing|required)$/, () => "꼭 있어야 하는 항목입니다"],
  [/^is not a field of this record and is not accepted$/, () => "이 기록에 없는 항목이라 받지 않습니다"],
  [/^must be a Korean phone number[^;]*;\s*got (.*)$/, (m) => `010-1234-5678이나 02-123-4567 같은 국내 전화번호여야 합니다${got(m[1])}`],
  [/^must be an e-mail address[^;]*;\s*got (.*)$/, (m) => `name@example.kr 같은 전자우편 주소여야 합니다${got(m[1])}`],
  [
    /^must be a calendar date written YYYY-MM-DD[^;]*;\s*got (.*)$/,
    (m) => `1900–2199년 사이의 실제 날짜를 YYYY-MM-DD로 써야 합니다 (예: 2016-03-02)${got(m[1])}`
  ],
  [/^must be a KECO occupation code of 2–6 digits[^;]*;\s*got (.*)$/, (m) => `2–6자리 숫자의 KECO 직종 코드여야 합니다 (예: 0231)${got(m[1])}`],
  [
    /^must start with a KECO middle group \(([^)]*)\); "(\d+)" in (.*) is not one$/,
    (m) => `KECO 중분류(${m[1]})로 시작해야 합니다. ${m[3]}의 "${m[2]}"은(는) 중분류가 아닙니다`
  ],
  [/^must be a 5-digit 시군구 region code[^;]*;\s*got (.*)$/, (m) => `5자리 시군구 코드여야 합니다 (예: 11200)${got(m[1])}`],
  [
    /^must start with a province \(시도\) code[^;]*; "(\d+)" in (.*) is not one$/,
    (m) => `시도 코드(예: 11 서울, 41 경기)로 시작해야 합니다. ${m[2]}의 "${m[1]}"은(는) 시도 코드가 아닙니다`
  ],
  [
    /^must be one of Seoul's 25 district codes[^;]*;\s*got (.*)$/,
    (m) => `서울 25개 자치구 코드(11110 종로구 … 11740 강동구) 또는 서울 전체 11000이어야 합니다${got(m[1])}`
  ],
  [/^must be an? (.+) id: 1–64 characters/, (m) => `${m[1]} id는 영문자·숫자·"-"·"_" 1–64자여야 합니다`],
  [/^must be one of (.*); got (.*)$/, (m) => `다음 중 하나여야 합니다: ${m[1]}${got(m[2])}`],
  [/^must not be empty$/, () => "비워 둘 수 없습니다"],
  [/^must not contain a resident registration number/, () => "주민등록번호를 쓸 수 없습니다. iljari는 주민등록번호를 저장하지 않으니 지워 주세요"],
  [/^must have at most (\d+) characters$/, (m) => `${m[1]}자 이하여야 합니다`],
  [/^must have at least (\d+) characters$/, (m) => `${m[1]}자 이상이어야 합니다`],
  [/^must be a time of day written HH:MM/, () => "시각을 HH:MM으로 써야 합니다 (예: 14:00)"],
  [/^must be a business registration number[^;]*;\s*got (.*)$/, (m) => `000-00-00000 꼴의 유효한 사업자등록번호여야 합니다${got(m[1])}`],
  [/^must be (?:a whole number of \S+ )?(?:between|from) ([\d,.-]+) (?:and|to) ([\d,.-]+)(.*)$/, (m) => `${m[1]}부터 ${m[2]}까지의 값이어야 합니다`],
  [/^must be a whole number of [^ ]+ from (\d+)$/, (m) => `${m[1]} 이상의 정수여야 합니다`],
  // The report's period (@iljari/report's ReportQuery).
  [/^is missing: choose one period/, () => periodKo("기간이 없습니다")],
  [/^(.+) were both given: choose one period/, (m) => periodKo(`${m[1]!.replace(" and ", "와(과) ")}이(가) 함께 주어졌습니다`)],
  [/^is needed with to: /, () => "to와 함께 줄 때는 기간의 첫날(from)이 있어야 합니다"],
  [/^is needed with from: /, () => "from과 함께 기간의 마지막 날(to)이 있어야 합니다"],
  [/^must not be before from \(([^)]*)\); got (.*)$/, (m) => `from(${m[1]})보다 앞설 수 없습니다${got(m[2])}`],
  [/^a period may span at most five years/, () => "기간은 5년을 넘을 수 없습니다. 한 해씩 요청하세요"],
  [/^must not be given with month=([^:]+): write month=\S+ alone, or (\S+)$/, (m) => `month=${m[1]}와(과) 함께 줄 수 없습니다. month만 쓰거나 ${m[2]}처럼 쓰세요`],
  [/^must be a month from 2000-01 to 2100-12; got (.*)$/, (m) => `2000-01부터 2100-12 사이의 달이어야 합니다${got(m[1])}`],
  [/^is needed with month=(\d+); or write the month as YYYY-MM, e\.g\. (\S+)$/, (m) => `month=${m[1]}에는 year가 필요합니다. 또는 ${m[2]}처럼 YYYY-MM으로 쓰세요`],
  [/^must be a day from 2000 to 2100; got (.*)$/, (m) => `2000–2100년 사이의 날짜여야 합니다${got(m[1])}`],
  [/^must be a JSON object; got ([\s\S]*)$/, (m) => `JSON 객체여야 합니다${got(m[1])}`],
  [/^must be a list; got ([\s\S]*)$/, (m) => `목록(배열)이어야 합니다${got(m[1])}`],
  [/^must be exactly (.*); got ([\s\S]*)$/, (m) => `${m[1]}이어야 합니다${got(m[2])}`],
  [/^must be a valid (\w+); got ([\s\S]*)$/, (m) => `올바른 ${m[1]} 값이어야 합니다${got(m[2])}`],
  [/^must be (a string|a number|a boolean|an integer|a positive number|a non-negative number|a finite number|an array|an object); got ([\s\S]*)$/, (m) => `${expected[m[1]!.replace(/^an? /, "")] ?? expected[m[1]!] ?? m[1]}이어야 합니다${got(m[2])}`],
  [/^must be a value of the documented type \(see \/docs\); got ([\s\S]*)$/, (m) => `문서(/docs)에 적힌 형식이어야 합니다${got(m[1])}`]
]

// What an Effect message expects, said in words: never the printout of a schema.
const expectedWords = (printout: string): string => {
  if (Object.hasOwn(expected, printout)) return printout === "string" || printout === "number" || printout === "boolean" ? `a ${printout}` : printout
  if (printout.startsWith("{")) return "a JSON object"
  if (/^(?:ReadonlyArray<|Array<|readonly \[)/.test(printout)) return "a list"
  if (/^"[^"]*"(?: \| "[^"]*")+$/.test(printout)) return `one of ${printout.replace(/"/g, "").split(" | ").join(", ")}`
  if (/^"[^"]*"$/.test(printout)) return `exactly ${printout}`
  if (/^[A-Z][A-Za-z]*$/.test(printout)) return `a valid ${printout}`
  return "a value of the documented type (see /docs)"
}

/** The English of an Effect message that reads like a type printout, written as a rule. */
export const english = (message: string): string => {
  const typed = /^Expected ([\s\S]+), actual ([\s\S]*)$/.exec(message)
  if (typed !== null) return `must be ${expectedWords(typed[1]!)}; got ${typed[2]!.slice(0, 80)}`
  if (message === "is missing") return "is required"
  return message
}

/** The Korean of a rule given in English. */
export const korean = (en: string): string => {
  const known = registered.get(en)
  if (known !== undefined) return known
  const parts = split(en)
  if (parts !== undefined) return parts.ko
  for (const [pattern, render] of rules) {
    const match = pattern.exec(en)
    if (match !== null) return render(match)
  }
  return `입력값이 규칙에 맞지 않습니다: ${en}`
}

const kinds: Record<string, string> = {
  seeker: "구직자",
  employer: "구인업체",
  opening: "구인공고",
  "counseling session": "상담",
  referral: "알선",
  placement: "취업",
  "follow-up check": "사후관리",
  counselor: "상담사",
  account: "계정",
  "API token": "API 토큰",
  "job fair": "채용행사",
  questionnaire: "설문지",
  "survey response": "설문 응답",
  "psychological test session": "직업심리검사 회차",
  "psychological test participant": "직업심리검사 참여자",
  "study-room booking": "스터디룸 예약",
  "outreach session": "찾아가는 상담",
  "discovery visit": "일자리 발굴 방문",
  "training demand answer": "교육 수요조사 응답",
  partner: "협력기관",
  session: "세션"
}
const kindKo = (kind: string) => kinds[kind] ?? kind

// ---------------------------------------------------------------------------
// The core's errors, as they are answered
// ---------------------------------------------------------------------------

const issueOf = (issue: { readonly path: string; readonly message: string }) => {
  const message = english(issue.message)
  return { field: issue.path, message, messageKo: korean(message) }
}

/** A ValidationError's issues, each with its Korean. */
export const issuesOf = (error: Validation.ValidationError) => error.issues.map(issueOf)

const validation = (error: Validation.ValidationError) => {
  const issues = issuesOf(error)
  const first = issues[0]!
  return {
    message: `Invalid ${error.subject}: ${issues.map((i) => (i.field === "" ? i.message : `${i.field}: ${i.message}`)).join("; ")}`,
    messageKo: `입력이 올바르지 않습니다: ${issues.map((i) => (i.field === "" ? i.messageKo : `${i.field}: ${i.messageKo}`)).join("; ")}`,
    ...(first.field === "" ? {} : { field: first.field }),
    issues
  }
}

/** The message an error carries, split into English and Korean ("English (한국어)"), or the English with a fallback. */
export const carried = (message: string, fallbackKo: string): Said => {
  const parts = split(message)
  return parts === undefined ? { message, messageKo: fallbackKo } : { message: parts.en, messageKo: parts.ko }
}

const statusKo: Record<string, string> = {
  proposed: "추천",
  sent: "알선",
  interviewing: "면접",
  hired: "채용",
  rejected: "불합격",
  withdrawn: "철회",
  open: "진행 중",
  closed: "마감",
  filled: "충원",
  paused: "중지"
}
const st = (status: string) => statusKo[status] === undefined ? `"${status}"` : `"${status}"(${statusKo[status]})`

const tagTitle = "error:"

// The shape behind a refinement that refuses nothing: JSON Schema would otherwise name a
// transformation from a struct to a class after the class, and document every error apart.
const Wire = ErrorBody.pipe(Schema.filter(() => true))

/**
 * A core error as the API answers it: the typed error on the server and in
 * the typed client, the {@link ErrorBody} shape on the wire (its own fields,
 * plus `message`, `messageKo` and `field`), with its HTTP status.
 */
export const wire = <Self extends Schema.Schema.Any & { readonly _tag: string }>(
  error: Self,
  status: number,
  say: (error: Schema.Schema.Type<Self>) => Said
): Schema.Schema<Schema.Schema.Type<Self>, typeof ErrorBody.Encoded> => {
  const tag = error._tag
  const encode = ParseResult.encodeUnknown(error as unknown as Schema.Schema<unknown, { readonly _tag: string }>)
  const decode = ParseResult.decodeUnknown(error as unknown as Schema.Schema<Schema.Schema.Type<Self>, unknown>)
  return Schema.transformOrFail(Wire, Schema.typeSchema(error) as Schema.Schema<Schema.Schema.Type<Self>>, {
    strict: true,
    encode: (value) =>
      ParseResult.map(encode(value), (own) => {
        const said = say(value)
        return { ...own, ...said, ...(said.field === undefined ? {} : { field: said.field }) } as typeof ErrorBody.Type
      }),
    // A typed client reads the error back: its own fields (a ValidationError's issues carry `field`, the core's `path`).
    decode: (body) =>
      decode(
        body._tag === "ValidationError" && body.issues !== undefined
          ? { ...body, issues: body.issues.map((i) => ({ path: i.field, message: i.message })) }
          : body
      )
    // The title names the tag in the generated document, where `documentErrors` reads it.
  }).annotations({ ...HttpApiSchema.annotations({ status }), title: `${tagTitle}${tag}` })
}

export const ValidationError = wire(Validation.ValidationError, 400, validation)
export const NotFound = wire(Errors.NotFound, 404, (e) => ({
  message: e.message,
  messageKo: `이 구에 ${kindKo(e.kind)} "${e.id}"이(가) 없습니다`
}))
export const StaleVersion = wire(Errors.StaleVersion, 409, (e) => ({
  message: e.message,
  messageKo: `다른 사람이 ${kindKo(e.kind)} "${e.id}"을(를) 먼저 고쳤습니다: 읽은 버전은 ${e.expected}, 지금 버전은 ${e.actual}입니다. 다시 읽고 고치세요`,
  field: "version"
}))
export const DuplicateId = wire(Errors.DuplicateId, 409, (e) => ({
  message: e.message,
  messageKo: `id가 "${e.id}"인 ${kindKo(e.kind)}이(가) 이미 있습니다`
}))
export const PersistenceError = wire(Errors.PersistenceError, 503, (e) => ({
  message: `Storage failed during ${e.operation}; try again in a moment`,
  messageKo: `저장소 오류가 났습니다 (${e.operation}). 잠시 뒤에 다시 해 보세요`
}))
export const DuplicateSeeker = wire(JobCenter.DuplicateSeeker, 409, (e) => ({
  message: e.message,
  messageKo: `이미 "${e.existingId}"(으)로 등록된 구직자입니다 (이름과 ${e.match === "name-and-phone" ? "전화번호" : "생년월일"}이 같음)`
}))
export const OpeningNotOpen = wire(JobCenter.OpeningNotOpen, 409, (e) => ({
  message: e.message,
  messageKo: `구인공고 "${e.openingId}"은(는) ${st(e.status)} 상태라 새 알선을 받지 않습니다`,
  field: "openingId"
}))
export const InvalidTransition = wire(Referral.InvalidTransition, 409, (e) => ({
  message: e.message,
  messageKo: `알선 "${e.referralId}"은(는) ${st(e.from)}에서 ${st(e.to)}(으)로 옮길 수 없습니다`,
  field: "to"
}))
export const AlreadyPlaced = wire(Placement.AlreadyPlaced, 409, (e) => ({
  message: e.message,
  messageKo: `알선 "${e.referralId}"은(는) 이미 취업 "${e.placementId}"(으)로 이어졌습니다. 알선 한 건은 한 번만 취업 처리하니 그 취업 기록을 고치세요`,
  field: "referralId"
}))
export const ActiveReferralExists = wire(Referral.ActiveReferralExists, 409, (e) => ({
  message: e.message,
  messageKo: `구직자 "${e.seekerId}"은(는) 구인공고 "${e.openingId}"에 이미 진행 중인 알선 "${e.referralId}"이(가) 있습니다. 한 공고에는 한 번에 한 건만 알선하니 그 알선을 진행하거나 철회하세요`,
  field: "openingId"
}))
export const IdempotencyKeyReused = wire(Idempotency.IdempotencyKeyReused, 422, (e) => ({
  message: e.message,
  messageKo: `Idempotency-Key "${e.key}"는 이미 다른 요청(다른 경로나 본문)에 쓰였습니다. 새 요청에는 새 키를 쓰세요`,
  field: "Idempotency-Key"
}))
export const IdempotencyKeyInProgress = wire(Idempotency.IdempotencyKeyInProgress, 409, (e) => ({
  message: e.message,
  messageKo: `Idempotency-Key "${e.key}"로 보낸 요청을 아직 처리하고 있습니다. 잠시 뒤에 다시 보내면 그 응답을 받습니다`,
  field: "Idempotency-Key"
}))
export const CalendarNotCovered = wire(BusinessCalendar.CalendarNotCovered, 422, (e) => ({
  message: `${e.date} is outside the holiday calendar "${e.calendar}", which covers ${e.firstYear}–${e.lastYear}: whether it is a business day is unknown`,
  messageKo: `${e.date}은(는) 공휴일 달력 "${e.calendar}"이 다루는 ${e.firstYear}–${e.lastYear}년 밖이라 영업일인지 알 수 없습니다`
}))
export const NoBusinessDayInWindow = wire(FollowUp.NoBusinessDayInWindow, 422, (e) => ({
  message: e.message,
  messageKo: `${e.sequence}차 사후관리 기간(${e.windowStart}–${e.windowEnd})에 영업일이 없어 점검일을 정할 수 없습니다`
}))
export const FollowUpAlreadyRecorded = wire(FollowUp.FollowUpAlreadyRecorded, 409, (e) => ({
  message: e.message,
  messageKo: `사후관리 ${e.followUpId}은(는) ${e.doneOn}에 이미 기록되었습니다`
}))
export const FollowUpCancelled = wire(FollowUp.FollowUpCancelled, 409, (e) => ({
  message: e.message,
  messageKo: `사후관리 ${e.followUpId}은(는) 구직자가 퇴사해 ${e.cancelledOn}에 취소되었습니다`
}))
export const FollowUpBeforeWindow = wire(FollowUp.FollowUpBeforeWindow, 400, (e) => ({
  message: e.message,
  messageKo: `사후관리 ${e.followUpId}은(는) 점검 기간이 열리는 ${e.windowStart} 전인 ${e.doneOn}에 기록할 수 없습니다`,
  field: "doneOn"
}))
export const NotYourCaseload = wire(Caseload.NotYourCaseload, 403, (e) => carried(e.message, "담당 사례가 아닙니다"))
export const NotPermitted = wire(Staff.NotPermitted, 403, (e) => carried(e.message, "권한이 없습니다"))
export const SignInRefused = wire(SignIn.SignInRefused, 401, (e) => carried(e.message, "로그인할 수 없습니다"))
export const CodeRefused = wire(SignIn.CodeRefused, 401, (e) => ({ ...carried(e.message, "인증 코드가 맞지 않습니다"), field: "code" }))
export const SessionEnded = wire(Session.SessionEnded, 401, (e) => carried(e.message, "세션이 끝났습니다. 다시 로그인하세요"))
export const LoginTaken = wire(Account.LoginTaken, 409, (e) => ({ ...carried(e.message, "이미 사용 중인 아이디입니다"), field: "login" }))
export const PsychTestRefused = wire(PsychTest.Refused, 409, (e) => ({ message: e.reason.en, messageKo: e.reason.ko }))
export const BookingRefused = wire(JobCafe.BookingRefused, 409, (e) => ({
  message: e.reasons.map((r) => r.message.en).join("; "),
  messageKo: e.reasons.map((r) => r.message.ko).join("; ")
}))
export const SignUpRefused = wire(JobCafe.SignUpRefused, 409, (e) => ({ message: e.message, messageKo: e.messageKo }))

// ---------------------------------------------------------------------------
// Decode errors, and the server's own refusals
// ---------------------------------------------------------------------------

/**
 * A path, query or body that does not decode, as a ValidationError naming
 * each field with its rule (never Effect's printout of the schema).
 */
export const fromDecodeError = (error: HttpApiError.HttpApiDecodeError): Validation.ValidationError => {
  // A field's stated rule comes first; Effect adds the failed step beneath it, which says less.
  const first = error.issues.filter((issue, i, all) => all.findIndex((other) => Validation.formatPath(other.path) === Validation.formatPath(issue.path)) === i)
  const issues = first.map((issue) =>
    new Validation.ValidationIssue({
      path: Validation.formatPath(issue.path),
      message: issue._tag === "Missing" ? "is required" : english(issue.message)
    })
  )
  return new Validation.ValidationError({
    subject: "request",
    issues: issues.length > 0
      ? [issues[0]!, ...issues.slice(1)]
      : [new Validation.ValidationIssue({ path: "", message: "does not match the route's parameters" })]
  })
}

/** An error answer the server writes itself. */
export const body = (tag: string, en: string, ko: string, extra: Record<string, unknown> = {}): ErrorBody => ({
  _tag: tag,
  message: en,
  messageKo: ko,
  ...extra
})

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

const errorRef = { $ref: "#/components/schemas/Error" }

const reasons: Record<string, string> = {
  "400": "A path, query or body breaks a rule",
  "401": "Not signed in, or the token is unknown",
  "403": "The caller's role or district may not do this",
  "404": "No such record in the caller's district",
  "409": "The request conflicts with the record's state",
  "422": "The request cannot be processed as sent (the district's calendar, an Idempotency-Key used for another request)",
  "503": "Storage failed; try again"
}

/** The tags an error response's generated schema names (each member's title, see `wire`). */
const tagsOf = (node: unknown): ReadonlyArray<string> => {
  if (typeof node !== "object" || node === null) return []
  const schema = node as { title?: unknown; $ref?: unknown; anyOf?: ReadonlyArray<unknown> }
  if (Array.isArray(schema.anyOf)) return schema.anyOf.flatMap(tagsOf)
  if (typeof schema.title === "string" && schema.title.startsWith(tagTitle)) return [schema.title.slice(tagTitle.length)]
  // The platform's decode error is answered as a ValidationError (see fromDecodeError).
  if (schema.$ref === "#/components/schemas/HttpApiDecodeError") return ["ValidationError"]
  return []
}

// Removes duplicate `$ref`s from every `anyOf` (a schema declared twice), and an `anyOf` left with one member.
const dedupe = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(dedupe)
  if (typeof node !== "object" || node === null) return node
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dedupe(v)]))
  if (Array.isArray(out["anyOf"])) {
    const seen = new Set<string>()
    const members = (out["anyOf"] as Array<unknown>).filter((m) => {
      const key = JSON.stringify(m)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    if (members.length === 1 && Object.keys(out).length === 1) return members[0]
    out["anyOf"] = members
  }
  return out
}

// The component schemas the paths reach, transitively.
const reachable = (spec: OpenApi.OpenAPISpec): Set<string> => {
  const schemas = spec.components.schemas as Record<string, unknown>
  const found = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== "object" || node === null) return
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
        const name = value.slice("#/components/schemas/".length)
        if (!found.has(name)) {
          found.add(name)
          walk(schemas[name])
        }
      } else walk(value)
    }
  }
  walk(spec.paths)
  return found
}

/**
 * The document's errors in one shape: every error response of every
 * operation refers to `Error`, described with the tags it may carry; no
 * `anyOf` lists a schema twice; schemas nothing refers to are dropped.
 */
export const documentErrors = (spec: OpenApi.OpenAPISpec): OpenApi.OpenAPISpec => {
  const paths = structuredClone(spec.paths)
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item as Record<string, OpenApi.OpenAPISpecOperation>)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue
        const tags = [...new Set(Object.values(response.content ?? {}).flatMap((media) => tagsOf(media.schema)))]
        operation.responses[Number(status)] = {
          description: `${reasons[status] ?? "Refused"}${tags.length > 0 ? `: ${tags.join(", ")}` : ""}`,
          content: { "application/json": { schema: errorRef } }
        }
      }
    }
  }
  const out = {
    ...spec,
    paths: dedupe(paths) as OpenApi.OpenAPISpec["paths"],
    components: { ...spec.components, schemas: dedupe(spec.components.schemas) as OpenApi.OpenAPISpec["components"]["schemas"] }
  }
  // The error's own details sit beside the common fields.
  const error = out.components.schemas["Error"] as Record<string, unknown> | undefined
  if (error !== undefined) (out.components.schemas as Record<string, unknown>)["Error"] = { ...error, additionalProperties: true }
  const keep = reachable(out)
  out.components.schemas = Object.fromEntries(Object.entries(out.components.schemas).filter(([name]) => keep.has(name)))
  return out
}
