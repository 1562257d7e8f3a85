/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 만족도 조사: the district's questionnaires (core's `Events` survey use
 * cases), one-time answer links issued for seekers (`SurveyLink`), and the
 * results of a period overall, by counselor and by month (`Survey.scores`).
 * For staff who record casework (counselors and managers).
 *
 * The answer page (`/s/:token`) is public: the token is the permission. Each
 * address, and each link, may open or answer only so often (`RateLimit`);
 * a used or ended link is gone (410), an unknown one not found (404).
 *
 * - `GET /surveys`, `GET /surveys/new`, `POST /surveys`, `GET /surveys/:id`
 *   (`?from&to` the results' period), `POST /surveys/:id/seekers` (a name search),
 *   `POST /surveys/:id/links`
 * - `GET|POST /s/:token`
 */
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { CaseFile, Events, type Ids, JobCenter, LocalDate, RateLimit, type Survey, SurveyLink, type Validation } from "@iljari/core"
import { Effect, Either, Option, Redacted } from "effect"
import { form } from "../http/Form.js"
import type { Handler, Routes } from "../http/Handler.js"
import { NotFound, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { caseworkPage, publicPage, redirect, refuse } from "../http/Route.js"
import { CurrentSettings, type WebSettings } from "../http/Settings.js"
import { anonymousView, sameSite, type Signed } from "../http/Signed.js"
import type { Problems } from "../ui/Fields.js"
import { kst } from "../ui/Format.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import type { Say } from "../ui/Say.js"
import { href, type View } from "../ui/View.js"
import { type NameSearch, searchByName } from "./seekers/NameSearch.js"
import { AnswerPage, answersOf, type Closed, ClosedPage, closedStatus, fieldOf, ThanksPage } from "./surveys/AnswerPage.js"
import {
  emptyForm,
  NewQuestionnairePage,
  QuestionnairePage,
  questionnaireFieldOf,
  questionnaireFormOf,
  questionnaireInput,
  type Shown,
  SurveyList
} from "./surveys/SurveyPages.js"


const questionnaireId = Effect.flatMap(HttpRouter.params, (params) =>
  params["id"] === undefined ? Effect.fail(new NotFound()) : Effect.succeed(params["id"]))

// ---------------------------------------------------------------------------
// The staff's pages
// ---------------------------------------------------------------------------

const done = { created: { ko: "설문지를 만들었습니다.", en: "The questionnaire is made." } } as const

const listSurveys: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const rows = yield* Events.questionnaires(signedIn.actor)
    return yield* html(<SurveyList view={signedIn.view} rows={rows} />)
  }))

const newSurvey: Handler = caseworkPage((signedIn) =>
  html(<NewQuestionnairePage view={signedIn.view} values={emptyForm} problems={{}} />))

const createSurvey: Handler = caseworkPage((signedIn, fields) =>
  Effect.gen(function*() {
    const values = questionnaireFormOf(fields.get)
    const attempt = yield* Effect.either(Events.createQuestionnaire(signedIn.actor, questionnaireInput(values)))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/surveys/${encodeURIComponent(attempt.right.value.id)}?done=created`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems: Record<string, string> = { ...problemsOf(signedIn.view.say, attempt.left, questionnaireFieldOf(values)) }
    if (values.rows.every((row) => row.kind === "")) {
      problems["q1-kind"] = signedIn.view.say("문항을 하나 이상 넣으세요.", "Add at least one question.")
    }
    return yield* html(<NewQuestionnairePage view={signedIn.view} values={values} problems={problems} />, { status: 422 })
  }))

// The results' period: `?from&to`, by default this year up to today.
const periodOf = (params: URLSearchParams, today: LocalDate.LocalDate) => {
  const valid = (value: string | null) => (value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value as LocalDate.LocalDate : undefined)
  const from = valid(params.get("from")) ?? LocalDate.make(LocalDate.parts(today).year, 1, 1)
  const to = valid(params.get("to")) ?? today
  return from <= to ? { from, to } : { from: to, to: from }
}

const surveyPage = (
  signedIn: Signed,
  options: { readonly shown?: Shown; readonly problems?: Problems; readonly seekerId?: string; readonly search?: NameSearch; readonly status?: number } = {}
) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const id = yield* questionnaireId
    const period = periodOf(yield* query, yield* JobCenter.today)
    const { questionnaire, all, byCounselor, byMonth } = yield* Events.surveyResults(actor, id, period)
    const { counts, links } = yield* SurveyLink.list(actor, id)
    const names = yield* CaseFile.namesOf(actor, { seekers: links.flatMap(({ link }) => (link.seekerId === undefined ? [] : [link.seekerId])) })
    const counselorNames = new Map<string, string>((yield* JobCenter.listCounselors(actor)).map((row) => [row.value.id, row.value.name]))
    const step = (yield* query).get("done")
    const page = (
      <QuestionnairePage
        view={view}
        questionnaire={questionnaire}
        links={links}
        counts={counts}
        names={{ seeker: (s) => names.seeker(s as Ids.SeekerId), counselor: (c) => counselorNames.get(c) ?? c }}
        results={{ ...period, all, byCounselor, byMonth }}
        shown={options.shown}
        problems={options.problems}
        seekerId={options.seekerId}
        search={options.search}
        notice={step === "created" ? done.created[view.lang] : undefined}
      />
    )
    return yield* html(page, { status: options.status ?? 200 })
  })

const showSurvey: Handler = caseworkPage((signedIn) => surveyPage(signedIn))

// A seeker by name to make a link for (each found is logged).
const findSeekers: Handler = caseworkPage((signedIn, fields) =>
  Effect.flatMap(searchByName(signedIn, fields.get("q") ?? ""), (search) =>
    surveyPage(signedIn, { search, status: search.problem === undefined ? 200 : 422 })))

// The address a link is answered at, on the host the staff member reached.
const answerUrl = (token: string) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const settings = yield* CurrentSettings
    const host = request.headers["host"] ?? "localhost"
    return `${settings.secureCookies ? "https" : "http"}://${host}${settings.prefix}/s/${token}`
  })

const issueLink: Handler = caseworkPage((signedIn, fields) =>
  Effect.gen(function*() {
    const { say } = signedIn.view
    const id = yield* questionnaireId
    const seekerId = fields.get("seekerId")
    const days = fields.get("days")
    const attempt = yield* Effect.either(SurveyLink.issue(signedIn.actor, id, {
      ...(seekerId === undefined ? {} : { seekerId }),
      ...(days === undefined ? {} : { days: Number(days) })
    }))
    if (Either.isRight(attempt)) {
      const { link, token } = attempt.right
      const names = yield* CaseFile.namesOf(signedIn.actor, { seekers: link.value.seekerId === undefined ? [] : [link.value.seekerId] })
      const shown: Shown = {
        url: yield* answerUrl(Redacted.value(token)),
        seeker: link.value.seekerId === undefined ? undefined : say(`${names.seeker(link.value.seekerId)} 님`, names.seeker(link.value.seekerId)),
        expiresAt: kst(link.value.expiresAt)
      }
      return yield* surveyPage(signedIn, { shown, status: 201 })
    }
    const error = attempt.left
    // A seeker not found is the form's problem; the questionnaire not found is the page's.
    if (error._tag === "NotFound" && error.kind !== "questionnaire") {
      return yield* surveyPage(signedIn, {
        problems: { seekerId: say("이 센터에 그 번호의 구직자가 없습니다.", "This center has no seeker with that id.") },
        ...(seekerId === undefined ? {} : { seekerId }),
        status: 422
      })
    }
    if (error._tag === "ValidationError") {
      return yield* surveyPage(signedIn, { problems: problemsOf(say, error), ...(seekerId === undefined ? {} : { seekerId }), status: 422 })
    }
    return yield* Effect.fail(error)
  }))

// ---------------------------------------------------------------------------
// The public answer page
// ---------------------------------------------------------------------------

const defaultLimits = {
  perAddress: { limit: 30, window: "10 minutes" },
  perLink: { limit: 10, window: "10 minutes" }
} satisfies NonNullable<WebSettings["surveyLimits"]>

const closedPage = (view: View, closed: Closed, retryAfterSeconds?: number) =>
  Effect.map(
    html(<ClosedPage view={view} closed={closed} {...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds })} />, { status: closedStatus[closed] }),
    (response) => (retryAfterSeconds === undefined ? response : HttpServerResponse.setHeader(response, "retry-after", String(retryAfterSeconds)))
  )

const tokenOf = Effect.map(HttpRouter.params, (params) => params["token"] ?? "")

// Counts the request against its address and its link; a store that cannot count lets it through (as the edge does).
const limited = (token: string) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const rules = (yield* CurrentSettings).surveyLimits ?? defaultLimits
    const address = Option.getOrElse(request.remoteAddress, () => "unknown")
    const take = (key: string, rule: RateLimit.Rule) =>
      RateLimit.take(key, rule).pipe(
        Effect.as(undefined),
        Effect.catchTags({
          RateLimited: (refused) => Effect.succeed(refused.retryAfterSeconds),
          PersistenceError: (error) => Effect.as(Effect.logWarning("Survey rate limit not counted", error.message), undefined)
        })
      )
    return (yield* take(`survey:${address}`, rules.perAddress)) ?? (yield* take(`survey-link:${SurveyLink.digestOf(token).slice(0, 32)}`, rules.perLink))
  })

const refusedLink = (view: View) => (error: SurveyLink.LinkUnknown | SurveyLink.LinkUsed | SurveyLink.LinkExpired) =>
  closedPage(view, error._tag === "SurveyLinkUsed" ? "used" : error._tag === "SurveyLinkExpired" ? "expired" : "unknown")

const openLink: Handler = publicPage(Effect.gen(function*() {
  const view = yield* anonymousView
  const token = yield* tokenOf
  const retry = yield* limited(token)
  if (retry !== undefined) return yield* closedPage(view, "limited", retry)
  return yield* SurveyLink.open(token).pipe(
    Effect.flatMap(({ questionnaire }) =>
      html(<AnswerPage view={view} questionnaire={questionnaire} action={href(view, `/s/${token}`)} values={() => undefined} problems={{}} />)
    ),
    Effect.catchTags({ SurveyLinkUnknown: refusedLink(view), SurveyLinkUsed: refusedLink(view), SurveyLinkExpired: refusedLink(view) })
  )
}))

// The refused answer's problems, each under its question, in the respondent's words.
const answerProblems = (say: Say, questionnaire: Survey.Questionnaire, sent: ReadonlyArray<{ readonly questionId: string }>, error: Validation.ValidationError) => {
  const problems: Record<string, string> = {}
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]))
  for (const issue of error.issues) {
    const required = /^must answer the required question "(.+)"$/.exec(issue.message)
    const at = /^answers\[(\d+)\]/.exec(issue.path)
    const questionId = required?.[1] ?? (at === null ? undefined : sent[Number(at[1])]?.questionId)
    const question = questionId === undefined ? undefined : byId.get(questionId)
    if (question === undefined) {
      problems["form"] ??= ruleIn(say, issue.message)
      continue
    }
    const field = fieldOf(question.id)
    problems[field] ??= required !== null
      ? question._tag === "text"
        ? say(`필수 문항입니다. "${question.text}"에 답을 적어 주세요.`, `Required: answer "${question.text}".`)
        : say(`필수 문항입니다. "${question.text}"에 답을 골라 주세요.`, `Required: choose an answer to "${question.text}".`)
      : issue.path.endsWith(".rating")
      ? say(`"${question.text}"은(는) 1점부터 5점 중에서 골라 주세요.`, `Choose 1 to 5 for "${question.text}".`)
      : issue.path.endsWith(".choice")
      ? say(`"${question.text}"은(는) 보기 중에서 골라 주세요.`, `Choose one of the options for "${question.text}".`)
      : say(`"${question.text}": ${ruleIn(say, issue.message)}`, `"${question.text}": ${ruleIn(say, issue.message)}`)
  }
  return problems
}

const answerLink: Handler = publicPage(Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const view = yield* anonymousView
  // No session to carry a CSRF token: the browser's word on the origin is the check.
  if (!sameSite(request)) return yield* refuse(view, "cross-site")
  const token = yield* tokenOf
  const retry = yield* limited(token)
  if (retry !== undefined) return yield* closedPage(view, "limited", retry)
  const fields = yield* form
  return yield* SurveyLink.open(token).pipe(
    Effect.flatMap(({ questionnaire }) => {
      const sent = answersOf(questionnaire, fields.get)
      return SurveyLink.answer(token, sent).pipe(
        Effect.zipRight(html(<ThanksPage view={view} />)),
        Effect.catchTag("ValidationError", (error) =>
          html(
            <AnswerPage
              view={view}
              questionnaire={questionnaire}
              action={href(view, `/s/${token}`)}
              values={fields.get}
              problems={answerProblems(view.say, questionnaire, sent.answers, error)}
            />,
            { status: 422 }
          ))
      )
    }),
    Effect.catchTags({ SurveyLinkUnknown: refusedLink(view), SurveyLinkUsed: refusedLink(view), SurveyLinkExpired: refusedLink(view) })
  )
}))

export const surveyRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/surveys", listSurveys),
  HttpRouter.get("/surveys/new", newSurvey),
  HttpRouter.post("/surveys", createSurvey),
  HttpRouter.get("/surveys/:id", showSurvey),
  HttpRouter.post("/surveys/:id/seekers", findSeekers),
  HttpRouter.post("/surveys/:id/links", issueLink),
  HttpRouter.get("/s/:token", openLink),
  HttpRouter.post("/s/:token", answerLink)
)
