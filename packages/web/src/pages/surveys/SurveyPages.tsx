/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The staff's pages of 만족도 조사: the district's questionnaires, the form
 * of a new one, and one questionnaire's page — its questions, a one-time
 * link issued for a seeker (shown once, to copy), the links' status, and
 * the results of a period overall, by counselor and by month.
 */
import { Survey, type SurveyLink } from "@iljari/core"
import { type Problems, ProblemSummary, SelectField, TextField } from "../../ui/Fields.js"
import { kst, percent } from "../../ui/Format.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { NameSearch } from "../seekers/NameSearch.js"
import { SeekerFinder } from "../seekers/SeekerFinder.js"

const audiences = ["visitor", "placed-seeker", "event-participant"] as const

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

export const SurveyList = ({ view, rows, notice }: {
  readonly view: View
  readonly rows: ReadonlyArray<{ readonly questionnaire: Survey.Questionnaire; readonly responses: number }>
  readonly notice?: string | undefined
}) => {
  const { say, lang } = view
  return (
    <Page view={view} title={say("만족도 조사", "Satisfaction surveys")}>
      {notice === undefined ? null : <div class="notice" role="status">{notice}</div>}
      <p>
        {say(
          "설문지를 만들고, 구직자에게 한 번만 쓸 수 있는 응답 링크를 보내 결과를 봅니다. 응답자는 계정 없이 링크로 답합니다.",
          "Make a questionnaire, send a seeker a link that answers once, and see the results. Respondents answer by the link, without an account."
        )}
      </p>
      <p><a class="krds-btn primary" href={href(view, "/surveys/new")}>{say("새 설문지", "New questionnaire")}</a></p>
      {rows.length === 0 ? <Empty>{say("아직 설문지가 없습니다.", "No questionnaire yet.")}</Empty> : (
        <Table
          caption={say("설문지", "Questionnaires")}
          head={[
            <th scope="col">{say("제목", "Title")}</th>,
            <th scope="col">{say("대상", "Audience")}</th>,
            <th scope="col">{say("문항 수", "Questions")}</th>,
            <th scope="col">{say("응답 수", "Responses")}</th>
          ]}
        >
          {rows.map(({ questionnaire, responses }) => (
            <tr>
              <td><a href={href(view, `/surveys/${encodeURIComponent(questionnaire.id)}`)}>{questionnaire.title}</a></td>
              <td>{Survey.audienceLabel(questionnaire.audience, lang)}</td>
              <td class="num">{questionnaire.questions.length}</td>
              <td class="num">{responses}</td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  )
}

// ---------------------------------------------------------------------------
// A new questionnaire
// ---------------------------------------------------------------------------

/** How many question rows the form offers; a row whose kind is empty is left out. */
export const questionRows = 6

/** The form's values, as its fields are named (`q1-kind`, `q1-text`, `q1-options`, `q1-required`, …). */
export interface QuestionnaireForm {
  readonly title: string
  readonly audience: string
  readonly rows: ReadonlyArray<{ readonly kind: string; readonly text: string; readonly options: string; readonly required: boolean }>
}

export const emptyForm: QuestionnaireForm = {
  title: "",
  audience: "visitor",
  rows: Array.from({ length: questionRows }, (_, i) =>
    i === 0
      ? { kind: "rating", text: "상담에 전반적으로 만족하십니까?", options: "", required: true }
      : { kind: "", text: "", options: "", required: false })
}

export const questionnaireFormOf = (get: (name: string) => string | undefined): QuestionnaireForm => ({
  title: get("title") ?? "",
  audience: get("audience") ?? "",
  rows: Array.from({ length: questionRows }, (_, i) => ({
    kind: get(`q${i + 1}-kind`) ?? "",
    text: get(`q${i + 1}-text`) ?? "",
    options: get(`q${i + 1}-options`) ?? "",
    required: get(`q${i + 1}-required`) === "on"
  }))
})

// The rows taken, with their form row (1-based): the questions' order.
const taken = (values: QuestionnaireForm) =>
  values.rows.flatMap((row, i) => (row.kind === "" ? [] : [{ row, n: i + 1 }]))

/** What `Events.createQuestionnaire` decodes, from the form: question ids `q1`, `q2`… by row. */
export const questionnaireInput = (values: QuestionnaireForm) => ({
  title: values.title,
  audience: values.audience,
  questions: taken(values).map(({ n, row }) => ({
    _tag: row.kind,
    id: `q${n}`,
    text: row.text,
    required: row.required,
    ...(row.kind === "choice" ? { options: row.options.split(/[\n,]/).map((o) => o.trim()).filter((o) => o !== "") } : {})
  }))
})

/** The form's field holding a questionnaire's path (`questions[1].text` → the second row taken's text). */
export const questionnaireFieldOf = (values: QuestionnaireForm) => (path: string) => {
  const question = /^questions\[(\d+)\]\.?(\w*)/.exec(path)
  if (question === null) return path === "questions" ? "q1-kind" : path
  const n = taken(values)[Number(question[1])]?.n ?? 1
  const field = question[2] === "options" ? "options" : question[2] === "_tag" ? "kind" : "text"
  return `q${n}-${field}`
}

export const NewQuestionnairePage = ({ view, values, problems }: {
  readonly view: View
  readonly values: QuestionnaireForm
  readonly problems: Problems
}) => {
  const { say, lang } = view
  const kinds = [
    { value: "rating", label: say("만족도 (1~5점)", "Rating (1–5)") },
    { value: "choice", label: say("보기 중 하나", "One of the options") },
    { value: "text", label: say("자유 의견", "Free text") }
  ]
  const labels: Record<string, string> = {
    title: say("제목", "Title"),
    audience: say("대상", "Audience"),
    ...Object.fromEntries(values.rows.flatMap((_, i) => [
      [`q${i + 1}-kind`, say(`${i + 1}번 문항 종류`, `Question ${i + 1}: kind`)],
      [`q${i + 1}-text`, say(`${i + 1}번 문항 내용`, `Question ${i + 1}: text`)],
      [`q${i + 1}-options`, say(`${i + 1}번 문항 보기`, `Question ${i + 1}: options`)]
    ]))
  }
  return (
    <Page view={view} title={say("새 설문지", "New questionnaire")}>
      <ProblemSummary problems={problems} labels={labels} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요.`, `Fix ${Object.keys(problems).length} field(s).`)} />
      <form method="post" action={href(view, "/surveys")} class="survey-form" novalidate>
        <CsrfField view={view} />
        <TextField name="title" label={labels["title"]!} value={values.title} problems={problems} required />
        <SelectField
          name="audience"
          label={labels["audience"]!}
          value={values.audience}
          problems={problems}
          choices={audiences.map((a) => ({ value: a, label: Survey.audienceLabel(a, lang) }))}
        />
        {values.rows.map((row, i) => {
          const n = i + 1
          return (
            <fieldset class="form-group survey-question">
              <legend class="form-tit">{say(`${n}번 문항`, `Question ${n}`)}</legend>
              <SelectField name={`q${n}-kind`} label={say("종류", "Kind")} value={row.kind} problems={problems} choices={kinds} empty={say("쓰지 않음", "Not used")} />
              <TextField name={`q${n}-text`} label={say("문항 내용", "Question")} value={row.text} problems={problems} />
              <TextField
                name={`q${n}-options`}
                label={say("보기 (보기 중 하나일 때, 쉼표로 나눔)", "Options (for one of the options, comma-separated)")}
                value={row.options}
                problems={problems}
              />
              <div class="krds-form-check">
                <input type="checkbox" name={`q${n}-required`} id={`q${n}-required`} checked={row.required} />
                <label for={`q${n}-required`}>{say("필수 문항", "Required")}</label>
              </div>
            </fieldset>
          )
        })}
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("설문지 만들기", "Create the questionnaire")}</button>
        </div>
      </form>
    </Page>
  )
}

// ---------------------------------------------------------------------------
// A questionnaire: its links and its results
// ---------------------------------------------------------------------------

/** A link just issued: its address, shown this once. */
export interface Shown {
  readonly url: string
  readonly seeker: string | undefined
  readonly expiresAt: string
}

export interface Results {
  readonly from: string
  readonly to: string
  readonly all: ReadonlyArray<Survey.Scores>
  readonly byCounselor: ReadonlyArray<Survey.Scores>
  readonly byMonth: ReadonlyArray<Survey.Scores>
}

const average = (value: number | undefined) => (value === undefined ? "–" : value.toFixed(2))

const statusLabel = (view: View, status: SurveyLink.Status) =>
  status === "open" ? view.say("응답 대기", "Open") : status === "used" ? view.say("응답 완료", "Answered") : view.say("기한 지남", "Expired")

const ScoresTable = ({ view, caption, first, rows, keyOf }: {
  readonly view: View
  readonly caption: string
  readonly first: string
  readonly rows: ReadonlyArray<Survey.Scores>
  readonly keyOf: (key: string) => string
}) => {
  const { say } = view
  return rows.length === 0 ? <Empty>{say("이 기간의 응답이 없습니다.", "No response in this period.")}</Empty> : (
    <Table
      caption={caption}
      head={[
        <th scope="col">{first}</th>,
        <th scope="col">{say("응답 수", "Responses")}</th>,
        <th scope="col">{say("평균 점수 (5점 만점)", "Mean rating (of 5)")}</th>,
        <th scope="col">{say("만족 비율 (4·5점)", "Satisfied (4–5)")}</th>
      ]}
    >
      {rows.map((s) => (
        <tr>
          <th scope="row">{keyOf(s.key)}</th>
          <td class="num">{s.responses}</td>
          <td class="num">
            {average(s.average)}
            {s.average === undefined ? null : <meter class="survey-meter" min={1} max={5} value={s.average} aria-hidden="true" />}
          </td>
          <td class="num">{percent(s.satisfiedShare)}</td>
        </tr>
      ))}
    </Table>
  )
}

export const QuestionnairePage = ({ view, questionnaire, links, counts, names, results, shown, problems, seekerId, search, notice }: {
  readonly view: View
  readonly questionnaire: Survey.Questionnaire
  readonly links: ReadonlyArray<{ readonly link: SurveyLink.Link; readonly status: SurveyLink.Status }>
  readonly counts: SurveyLink.Counts
  readonly names: { readonly seeker: (id: string) => string; readonly counselor: (id: string) => string }
  readonly results: Results
  readonly shown?: Shown | undefined
  readonly problems?: Problems | undefined
  readonly seekerId?: string | undefined
  /** The seeker asked for by name, and who was found, each with a link to make. */
  readonly search?: NameSearch | undefined
  readonly notice?: string | undefined
}) => {
  const { say, lang } = view
  const base = `/surveys/${encodeURIComponent(questionnaire.id)}`
  const overall = results.all[0]
  const questionText = new Map(questionnaire.questions.map((q) => [q.id, q.text]))
  return (
    <Page view={view} title={questionnaire.title}>
      {notice === undefined ? null : <div class="notice" role="status">{notice}</div>}
      <p>
        <a href={href(view, "/surveys")}>{say("← 설문지 목록", "← Questionnaires")}</a>
      </p>
      <p>{say(`대상: ${Survey.audienceLabel(questionnaire.audience, "ko")}`, `Audience: ${Survey.audienceLabel(questionnaire.audience, lang)}`)}</p>
      <details class="survey-questions">
        <summary>{say(`문항 ${questionnaire.questions.length}개`, `${questionnaire.questions.length} question(s)`)}</summary>
        <ol>
          {questionnaire.questions.map((q) => <li>{`${q.text}${q.required ? say(" (필수)", " (required)") : ""}`}</li>)}
        </ol>
      </details>

      <h2 id="links">{say("응답 링크", "Answer links")}</h2>
      {shown === undefined ? null : (
        <div class="notice success" role="status">
          <p>
            <strong>{say("응답 링크를 만들었습니다.", "The link is made.")}</strong>{" "}
            {say(
              `이 주소는 지금 한 번만 보여 줍니다. 복사해서 ${shown.seeker ?? "응답자"}에게 전하세요. ${shown.expiresAt}까지, 한 번만 응답할 수 있습니다.`,
              `This address is shown this once: copy it and hand it to ${shown.seeker ?? "the respondent"}. It answers once, until ${shown.expiresAt}.`
            )}
          </p>
          <label for="survey-link-url">{say("응답 링크 주소", "The link's address")}</label>
          <input id="survey-link-url" class="krds-input" type="text" readonly value={shown.url} />
        </div>
      )}
      <SeekerFinder
        view={view}
        action={href(view, `${base}/seekers`)}
        label={say("구직자 이름으로 찾기", "Find a seeker by name")}
        search={search}
        pick={(seeker) => (
          <form method="post" action={href(view, `${base}/links`)} class="inline-form">
            <CsrfField view={view} />
            <input type="hidden" name="seekerId" value={seeker.id} />
            <input type="hidden" name="days" value="14" />
            {`${seeker.label} `}
            <button type="submit" class="krds-btn secondary small">{say(`${seeker.name} 님의 응답 링크 만들기 (14일)`, `Make ${seeker.name}'s link (14 days)`)}</button>
          </form>
        )}
      />
      <form method="post" action={href(view, `${base}/links`)} class="survey-issue" novalidate>
        <CsrfField view={view} />
        <ProblemSummary problems={problems ?? {}} labels={{ seekerId: say("구직자 번호", "Seeker id"), days: say("유효 기간 (일)", "Valid for (days)") }} title={say("링크를 만들지 못했습니다.", "The link was not made.")} />
        <TextField
          name="seekerId"
          label={say("구직자 번호", "Seeker id")}
          value={seekerId}
          problems={problems}
          hint={say("구직자 카드의 번호입니다. 이름으로 찾으면 넣지 않아도 됩니다. 비우면 이름 없는(익명) 응답 링크가 됩니다.", "The number on the seeker's card, or find them by name above; leave it empty for an anonymous link.")}
        />
        <TextField name="days" type="number" label={say("유효 기간 (일)", "Valid for (days)")} value="14" problems={problems} hint={say("1~60일", "1 to 60 days")} />
        <div class="actions">
          <button type="submit" class="krds-btn primary">{say("응답 링크 만들기", "Make a link")}</button>
        </div>
      </form>
      <p>
        {say(
          `만든 링크 ${counts.issued}개: 응답 완료 ${counts.used}개, 응답 대기 ${counts.open}개, 기한 지남 ${counts.expired}개`,
          `${counts.issued} link(s): ${counts.used} answered, ${counts.open} open, ${counts.expired} expired`
        )}
      </p>
      {links.length === 0 ? null : (
        <Table
          caption={say("응답 링크 목록", "Links")}
          hideCaption
          head={[
            <th scope="col">{say("만든 때", "Issued")}</th>,
            <th scope="col">{say("구직자", "Seeker")}</th>,
            <th scope="col">{say("상담사", "Counselor")}</th>,
            <th scope="col">{say("기한", "Until")}</th>,
            <th scope="col">{say("상태", "Status")}</th>
          ]}
        >
          {links.slice(0, 50).map(({ link, status }) => (
            <tr>
              <td>{kst(link.issuedAt)}</td>
              <td>{link.seekerId === undefined ? say("익명", "Anonymous") : names.seeker(link.seekerId)}</td>
              <td>{link.counselorId === undefined ? "–" : names.counselor(link.counselorId)}</td>
              <td>{kst(link.expiresAt)}</td>
              <td>{statusLabel(view, status)}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2 id="results">{say("결과", "Results")}</h2>
      <form method="get" action={href(view, base)} class="period-form">
        <div class="targets-fields">
          <TextField name="from" type="date" label={say("시작일", "From")} value={results.from} />
          <TextField name="to" type="date" label={say("종료일", "To")} value={results.to} />
        </div>
        <div class="actions"><button type="submit" class="krds-btn secondary">{say("기간 보기", "Show the period")}</button></div>
      </form>
      <dl class="survey-summary">
        <div><dt>{say("응답 수", "Responses")}</dt><dd id="survey-responses">{overall?.responses ?? 0}</dd></div>
        <div><dt>{say("평균 점수", "Mean rating")}</dt><dd id="survey-average">{average(overall?.average)}</dd></div>
        <div><dt>{say("만족 비율", "Satisfied")}</dt><dd id="survey-satisfied">{percent(overall?.satisfiedShare)}</dd></div>
      </dl>
      {overall === undefined || overall.byQuestion.length === 0 ? null : (
        <Table
          caption={say("문항별 평균", "Mean by question")}
          head={[<th scope="col">{say("문항", "Question")}</th>, <th scope="col">{say("답 수", "Answers")}</th>, <th scope="col">{say("평균 점수", "Mean rating")}</th>]}
        >
          {overall.byQuestion.map((q) => (
            <tr>
              <th scope="row">{questionText.get(q.questionId) ?? q.questionId}</th>
              <td class="num">{q.answers}</td>
              <td class="num">{average(q.average)}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{say("상담사별", "By counselor")}</h3>
      <ScoresTable
        view={view}
        caption={say("상담사별 결과", "Results by counselor")}
        first={say("상담사", "Counselor")}
        rows={results.byCounselor}
        keyOf={(key) => (key === "unknown" ? say("모름", "Unknown") : names.counselor(key))}
      />
      <h3>{say("월별", "By month")}</h3>
      <ScoresTable view={view} caption={say("월별 결과", "Results by month")} first={say("월", "Month")} rows={results.byMonth} keyOf={(key) => key} />
    </Page>
  )
}
