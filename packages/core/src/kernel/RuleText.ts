/**
 * The rules core's decoders state, said in Korean. Core speaks English to
 * integrators (`ValidationIssue.message`); a person at a form or reading an
 * import's preview reads the same rule in Korean, found here by the rule's
 * wording.
 *
 * @example
 * ```ts
 * import { RuleText } from "@iljari/core"
 *
 * RuleText.korean("must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"12\"")
 * // "전화번호 형식이 아닙니다 (예: 010-1234-5678, 02-123-4567)"
 * ```
 *
 * @since 0.4.0
 * @module
 * @category kernel
 */

const rules: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^is missing|; got nothing$|actual undefined$/, () => "필수 항목입니다"],
  [/^must not be empty/, () => "비워 둘 수 없습니다"],
  [/^must be a Korean phone number/, () => "전화번호 형식이 아닙니다 (예: 010-1234-5678, 02-123-4567)"],
  [/^must be an e-mail address/, () => "이메일 주소 형식이 아닙니다 (예: name@example.kr)"],
  [/^must be a calendar date/, () => "날짜 형식이 아닙니다 (예: 2016-03-02)"],
  [/^must not be in the future/, () => "미래 날짜일 수 없습니다"],
  [/^must not be before openedOn/, () => "공고 시작일보다 이전일 수 없습니다"],
  [/^must not be before (\S+)/, () => "앞선 날짜보다 이전일 수 없습니다"],
  [/^must list at least one entry/, () => "하나 이상 선택하세요"],
  [/^must list at most (\d+) entries/, (m) => `최대 ${m[1]}개까지 선택할 수 있습니다`],
  [/^must not repeat/, () => "같은 항목을 두 번 고를 수 없습니다"],
  [/^must have at most (\d+) characters|^must be at most (\d+) characters/, (m) => `${m[1] ?? m[2]}자 이하로 입력하세요`],
  [/^must have at least (\d+) characters/, (m) => `${m[1]}자 이상 입력하세요`],
  [/^must be a whole number of won greater than 0/, () => "1원 이상 100억 원 이하의 금액을 숫자로 입력하세요"],
  [/^must not be below the minimum/, () => "최소 금액보다 적을 수 없습니다"],
  [/^must be a 10-digit business registration number/, () => "사업자등록번호 10자리가 아니거나 검증번호가 맞지 않습니다 (예: 124-81-00998)"],
  [/^must be a KECO occupation code of 2–6 digits/, () => "고용직업분류(KECO) 코드 2~6자리를 입력하세요 (예: 4122)"],
  [/^must be a 5-digit 시군구 region code/, () => "지역 코드가 아닙니다 (예: 11200 성동구)"],
  [/^must be a whole number of positions between 1 and 10,000/, () => "1~10,000명 사이의 정수를 입력하세요"],
  [/^must be a whole number of months between 1 and 600/, () => "1~600 사이의 개월 수를 입력하세요"],
  [/^applies to "experienced" only/, () => "경력 조건이 '경력'일 때만 적을 수 있습니다"],
  [/^must be a time of day written HH:MM/, () => "시각 형식이 아닙니다 (예: 09:00, 18:30)"],
  [/^must list at most (\d+) contacts/, (m) => `담당자는 최대 ${m[1]}명까지 적을 수 있습니다`],
  [/^repeats .*, which is already listed/s, () => "같은 항목을 두 번 적을 수 없습니다"],
  [/^must be an? [\w ]+ id: 1–64 characters/, () => "목록에 있는 값을 고르세요"],
  [/^must be a whole number of months between 0 and 720/, () => "0~720 사이의 개월 수를 입력하세요"],
  [/^must be a whole number of days from (\d+) to (\d+)/, (m) => `${m[1]}~${m[2]}일 사이의 정수를 입력하세요`],
  [/^must be between 1 and 68 hours a week/, () => "주 1~68시간 사이로 입력하세요"],
  [/^must be a growth in percent/, () => "증가율은 -100 이상의 백분율로 입력하세요 (예: 5는 5% 증가)"],
  [/^must be a year from (\d+) to (\d+)/, (m) => `${m[1]}~${m[2]}년 사이의 연도를 입력하세요`],
  [/^must be a whole number/, () => "0 이상의 정수를 입력하세요"],
  [/^must be an opening of an employer the visit found/, () => "이 방문에서 발굴한 기업의 공고가 아닙니다"],
  [/^is found by the visit already/, () => "이미 이 방문에서 발굴한 기업입니다"],
  [/^is recorded on the visit already/, () => "이미 이 방문에 기록된 공고입니다"],
  [/^must be one of Seoul's 25 district codes|^must start with a province|^must be one of the 25 districts/, () => "지역 코드가 아닙니다 (예: 11200 성동구)"],
  [/^must start with a KECO middle group|^must be one of the 35 middle groups/, () => "고용직업분류(KECO) 코드가 아닙니다 (예: 0211)"],
  [/^must be the level the seeker attained/, () => "최종 학력을 고르세요"],
  [/^must be one of/, () => "목록에 있는 값을 고르세요"],
  [/^must not contain a resident registration number/, () => "주민등록번호는 입력할 수 없습니다 (저장하지 않습니다)"],
  [/is sensitive data and needs an active "sensitive-data" consent/, () => "민감정보이므로 민감정보 처리 동의가 있어야 합니다"],
  [/^is required for a "[^"]+" consent/, () => "이 동의에는 연락 수단이 필요합니다"],
  [/^is not a field of this record/, () => "받을 수 없는 항목입니다"],
  [/^Expected a number|^Expected number|^must be a number/, () => "숫자를 입력하세요"],
  [/^Expected/, () => "형식이 맞지 않습니다"]
]

/**
 * The Korean for a rule's English message, or `undefined` for a rule this
 * table does not know (show the English rather than hide it).
 *
 * @since 0.4.0
 * @category messages
 */
export const korean = (message: string): string | undefined => {
  for (const [pattern, say] of rules) {
    const match = message.match(pattern)
    if (match !== null) return say(match)
  }
  return undefined
}

/**
 * A rule's English message without the value it quotes (`; got …`), as a
 * person is shown it beside the field that holds the value.
 *
 * @since 0.4.0
 * @category messages
 */
export const withoutValue = (message: string): string => message.replace(/; got .*$/s, "")
