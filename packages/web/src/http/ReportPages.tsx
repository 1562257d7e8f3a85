/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The routes of a page that shows a report of `@iljari/report` (보고서,
 * 목표·실적, 분석): `GET base` shows its form and, once something is asked,
 * the report (or, with 400, the rules the query broke, the form keeping
 * what was asked); `GET base/report.xlsx` and `GET base/report.csv?table=`
 * download the same report.
 */
import { HttpRouter, type HttpServerResponse } from "@effect/platform"
import type { Report } from "@iljari/report"
import { Effect, Either } from "effect"
import type { VNode } from "preact"
import { Page } from "../ui/Layout.js"
import { chartsOf, ReportView } from "../ui/ReportView.js"
import { href, type View } from "../ui/View.js"
import type { Handler, Routes } from "./Handler.js"
import { query } from "./Params.js"
import { type FileKind, reportFile } from "./ReportFiles.js"
import { html } from "./Respond.js"
import { analystPage, type Needs, staffPage } from "./Route.js"
import type { Signed } from "./Signed.js"

/** A report built, with the name its files are downloaded as, or the rules its query broke. */
export type Built = Either.Either<{ readonly report: Report.Report; readonly fileName: string }, ReadonlyArray<string>>

/** What a page was asked: its form as filled in, and the query its files repeat (`undefined`: nothing asked yet). */
export interface Asked {
  readonly form: VNode
  readonly params: Readonly<Record<string, string>> | undefined
}

export const reportPageRoutes = <E1 extends { readonly _tag: string }, R1 extends Needs, E2 extends { readonly _tag: string }, R2 extends Needs>(
  options: {
    readonly base: string
    /** Whose pages: a district's staff, or a city analyst. */
    readonly for: "staff" | "analyst"
    readonly title: (view: View) => string
    /** The heading of a refused query. */
    readonly refused: (view: View) => string
    readonly asked: (signedIn: Signed) => Effect.Effect<Asked, E1, R1>
    readonly build: (signedIn: Signed, params: Readonly<Record<string, string>>) => Effect.Effect<Built, E2, R2>
  }
): Routes => {
  const page = options.for === "analyst" ? analystPage : staffPage
  const queryString = (params: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>> = {}) =>
    new URLSearchParams({ ...params, ...extra }).toString()

  const show = (signedIn: Signed, asked: Asked, built: Built | undefined) =>
    Effect.gen(function*() {
      const { view } = signedIn
      const title = options.title(view)
      if (built === undefined) return yield* html(<Page view={view} title={title}>{asked.form}</Page>)
      if (Either.isLeft(built)) {
        return yield* html(
          <Page view={view} title={title}>
            {asked.form}
            <div role="alert" class="krds-form-error">
              <p>{options.refused(view)}</p>
              <ul>{built.left.map((message) => <li>{message}</li>)}</ul>
            </div>
          </Page>,
          { status: 400 }
        )
      }
      const { report } = built.right
      const params = asked.params ?? {}
      const files = {
        xlsx: href(view, `${options.base}/report.xlsx?${queryString(params)}`),
        csv: (table: string) => href(view, `${options.base}/report.csv?${queryString(params, { table })}`)
      }
      return yield* html(
        <Page view={view} title={title}>
          {asked.form}
          <ReportView view={view} report={report} files={files} charts={yield* chartsOf(report, view.lang)} />
        </Page>
      )
    })

  const built = (signedIn: Signed, asked: Asked) =>
    asked.params === undefined ? Effect.succeed(undefined) : options.build(signedIn, asked.params)

  const showPage: Handler = page((signedIn) =>
    Effect.gen(function*() {
      const asked = yield* options.asked(signedIn)
      return yield* show(signedIn, asked, yield* built(signedIn, asked))
    }))

  // A file of the report, or the page that says why there is none.
  const file = (kind: FileKind): Handler =>
    page((signedIn) =>
      Effect.gen(function*() {
        const asked = yield* options.asked(signedIn)
        const made = yield* built(signedIn, asked)
        const answer: HttpServerResponse.HttpServerResponse | undefined = made === undefined || Either.isLeft(made)
          ? undefined
          : yield* reportFile(made.right.report, {
            kind,
            fileName: made.right.fileName,
            lang: signedIn.view.lang,
            tableId: (yield* query).get("table")
          })
        return answer ?? (yield* show(signedIn, asked, made))
      }))

  const path = (p: string) => p as HttpRouter.PathInput
  return HttpRouter.empty.pipe(
    HttpRouter.get(path(options.base), showPage),
    HttpRouter.get(path(`${options.base}/report.xlsx`), file("xlsx")),
    HttpRouter.get(path(`${options.base}/report.csv`), file("csv"))
  )
}
