/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The page a respondent opens from a one-time survey link, without an
 * account: each question a fieldset (or a labelled text box), a refused
 * answer naming each question in their words, the thanks once answered,
 * and the pages of a link that is unknown, used or ended, or of too many
 * tries.
 */
import type { Survey } from "@iljari/core"
import { ProblemSummary, type Problems } from "../../ui/Fields.js"
import { Page } from "../../ui/Layout.js"
import type { View } from "../../ui/View.js"

/** A question's form field: `a-<questionId>`. */
export const fieldOf = (questionId: string) => `a-${questionId}`

const ratings = [
  [1, "매우 불만족", "Very dissatisfied"],
  [2, "불만족", "Dissatisfied"],
  [3, "보통", "Neutral"],
  [4, "만족", "Satisfied"],
  [5, "매우 만족", "Very satisfied"]
] as const

/** The answers `SurveyLink.answer` decodes, from the form: an unanswered question is left out. */
export const answersOf = (questionnaire: Survey.Questionnaire, get: (name: string) => string | undefined) => ({
  answers: questionnaire.questions.flatMap((q) => {
    const value = get(fieldOf(q.id))
    if (value === undefined) return []
    return [q._tag === "rating" ? { questionId: q.id, rating: Number(value) } : q._tag === "choice" ? { questionId: q.id, choice: value } : { questionId: q.id, text: value }]
  })
})

const Question = ({ view, question, value, problem }: {
  readonly view: View
  readonly question: Survey.Question
  readonly value: string | undefined
  readonly problem: string | undefined
}) => {
  const { say } = view
  const name = fieldOf(question.id)
  const id = `f-${name}`
  const title = `${question.text}${question.required ? say(" (필수)", " (required)") : ""}`
  const problemLine = problem === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`}>{problem}</p>
  if (question._tag === "text") {
    return (
      <div class="form-group">
        <div class="form-tit"><label for={id}>{title}</label></div>
        <div class={problem === undefined ? "form-conts" : "form-conts is-error"}>
          <textarea id={id} name={name} class="krds-input" rows={4} aria-invalid={problem === undefined ? undefined : true} aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
            {value ?? ""}
          </textarea>
        </div>
        {problemLine}
      </div>
    )
  }
  const choices = question._tag === "rating"
    ? ratings.map(([n, ko, en]) => ({ value: String(n), label: say(`${n}점 ${ko}`, `${n} ${en}`) }))
    : question.options.map((o) => ({ value: o, label: o }))
  return (
    <fieldset class="form-group" id={id} tabindex={-1} aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend class="form-tit">{title}</legend>
      <div class={problem === undefined ? "form-conts krds-check-area" : "form-conts krds-check-area is-error"}>
        {choices.map((c, i) => (
          <div class="krds-form-check">
            <input type="radio" name={name} id={`${id}-${i}`} value={c.value} checked={value === c.value} required={question.required} />
            <label for={`${id}-${i}`}>{c.label}</label>
          </div>
        ))}
      </div>
      {problemLine}
    </fieldset>
  )
}

export const AnswerPage = ({ view, questionnaire, action, values, problems }: {
  readonly view: View
  readonly questionnaire: Survey.Questionnaire
  readonly action: string
  readonly values: (name: string) => string | undefined
  readonly problems: Problems
}) => {
  const { say } = view
  const labels = { form: say("답", "Answer"), ...Object.fromEntries(questionnaire.questions.map((q) => [fieldOf(q.id), q.text])) }
  const count = Object.keys(problems).length
  return (
    <Page view={view} title={questionnaire.title}>
      <p>
        {say(
          "일자리센터 서비스를 더 낫게 하려고 묻습니다. 답은 통계로만 쓰며, 이 링크로는 한 번만 답할 수 있습니다.",
          "We ask to make the job center's service better. Answers are used for statistics only; this link answers once."
        )}
      </p>
      <ProblemSummary problems={problems} labels={labels} title={say(`${count}개 문항을 확인해 주세요.`, `Check ${count} question(s).`)} />
      <form method="post" action={action} class="survey-answer" novalidate>
        {questionnaire.questions.map((q) => (
          <Question view={view} question={q} value={values(fieldOf(q.id))} problem={problems[fieldOf(q.id)]} />
        ))}
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("제출", "Send")}</button>
        </div>
      </form>
    </Page>
  )
}

export const ThanksPage = ({ view }: { readonly view: View }) => (
  <Page view={view} title={view.say("응답해 주셔서 감사합니다", "Thank you for answering")}>
    <p>{view.say("보내 주신 답을 받았습니다. 이 창을 닫아도 됩니다.", "Your answer is received. You may close this window.")}</p>
  </Page>
)

/** Why a link cannot be answered. */
export type Closed = "unknown" | "used" | "expired" | "limited"

const closedTexts = {
  unknown: ["설문 링크를 찾을 수 없습니다", "Survey link not found", "주소가 맞는지 확인하세요. 받은 문자나 안내문의 주소를 그대로 여세요.", "Check the address: open it exactly as you received it."],
  used: ["이미 응답한 설문입니다", "Already answered", "이 링크로는 한 번만 답할 수 있습니다. 참여해 주셔서 감사합니다.", "This link answers once. Thank you for taking part."],
  expired: ["응답 기한이 지났습니다", "The link has ended", "이 설문 링크의 기한이 지났습니다. 다시 참여하려면 일자리센터에 새 링크를 요청하세요.", "This survey link has ended. Ask the job center for a new one to take part."],
  limited: ["요청이 너무 많습니다", "Too many requests", "", ""]
} as const

/** The HTTP status of each: gone for a link that was, not found for one that never was. */
export const closedStatus: Record<Closed, number> = { unknown: 404, used: 410, expired: 410, limited: 429 }

export const ClosedPage = ({ view, closed, retryAfterSeconds }: { readonly view: View; readonly closed: Closed; readonly retryAfterSeconds?: number }) => {
  const [ko, en, koText, enText] = closedTexts[closed]
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60))
  return (
    <Page view={view} title={view.say(ko, en)}>
      <p>
        {closed === "limited"
          ? view.say(`짧은 시간에 요청이 너무 많았습니다. ${minutes}분 뒤에 다시 해 보세요.`, `Too many requests in a short time. Try again in ${minutes} minute(s).`)
          : view.say(koText, enText)}
      </p>
    </Page>
  )
}
