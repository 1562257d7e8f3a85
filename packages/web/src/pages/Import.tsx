/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 자료 가져오기: a district's spreadsheet ledgers brought into iljari, for
 * managers and administrators (counselors get the refusal page).
 *
 * - `GET /import`: the form — the ledger (any of core's `Mapping.ledgers`),
 *   the file (XLSX or CSV) and the CSV encoding.
 * - `POST /import/read`: reads the file and previews it with the district's
 *   saved mapping for the ledger, or one suggested from the headers.
 * - `POST /import/preview`: the same with the mapping the person chose.
 * - `POST /import/commit`: writes the good rows, as a page that streams its
 *   progress.
 *
 * Nothing is kept between steps, neither in memory nor in the database: the
 * file stays in the browser's form (htmx swaps only the result area, inside
 * the form) and every step posts the whole form, file included, again. The
 * body is read only after the session and the role are checked, in memory,
 * up to the route's body limit.
 *
 * Progress: the commit is a plain form submit whose answer is a page sent
 * in pieces as it is made (chunked HTML). Each batch the store commits adds
 * a `<progress>` step after the last one, and the stylesheet shows only the
 * last step, so the bar fills while the rows are written — no script, no
 * polling, and no import state for a second request to find: the progress
 * lives in the one response that does the work. (htmx swaps a response only
 * once it has arrived whole, so the commit is not an htmx request.)
 */
import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { type ImportStore, Mapping, type Sheet, SheetImport } from "@iljari/core"
import { Cause, type Context, Effect, Either, Mailbox, Option, Stream } from "effect"
import type { VNode } from "preact"
import { renderToString } from "preact-render-to-string"
import type { Form } from "../http/Form.js"
import type { Handler, Routes, Services } from "../http/Handler.js"
import { html, pageHeaders } from "../http/Respond.js"
import { isHtmx, staffPage, uploadPage } from "../http/Route.js"
import { mayImport, NotPermitted, type Signed } from "../http/Signed.js"
import { Page } from "../ui/Layout.js"
import type { View } from "../ui/View.js"
import {
  type Chosen,
  CommitResult,
  CommitStopped,
  encodingOf,
  ImportForm,
  isLedger,
  ledgerIds,
  mappingField,
  ProgressStep,
  ResultArea,
  type SheetChoice,
  UploadRefusal
} from "./imports/ImportPage.js"
import { bodyLimit, readUpload, type SheetProblem, sheetsOf, type Upload, type UploadProblem } from "./imports/Upload.js"

const titleOf = (view: View) => view.say("자료 가져오기", "Import ledgers")

const chosenOf = (fields: Form): Chosen => {
  const ledger = fields.get("ledger")
  return { ledger: isLedger(ledger) ? ledger : ledgerIds[0]!, encoding: encodingOf(fields.get("encoding")) }
}

const showImport: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    if (!mayImport(signedIn.role)) return yield* new NotPermitted()
    const { view } = signedIn
    const limit = yield* bodyLimit
    return yield* html(
      <Page view={view} title={titleOf(view)}>
        <ImportForm view={view} chosen={{ ledger: ledgerIds[0]!, encoding: "auto" }} limit={limit} />
      </Page>
    )
  }))

// ---------------------------------------------------------------------------
// What went wrong with the upload, in the person's language
// ---------------------------------------------------------------------------

const mebibytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))}MB`

const uploadProblem = (view: View, problem: UploadProblem) =>
  problem._tag === "TooLarge"
    ? view.say(
      `파일이 너무 큽니다. 한 번에 ${mebibytes(problem.limit)}까지 올릴 수 있습니다. 파일을 나누어 (예: 연도별 시트를 각각 저장해) 여러 번 가져오세요.`,
      `The file is too large: at most ${mebibytes(problem.limit)} can be sent at once. Split it (for instance one file per year) and import each part.`
    )
    : view.say("보낸 양식을 읽을 수 없습니다. 화면을 새로 고친 뒤 다시 하세요.", "The form could not be read. Reload the page and try again.")

// The readers give their reason in English: the person reading Korean is told what to do instead.
const sheetProblem = (view: View, problem: SheetProblem) =>
  problem._tag === "NotASpreadsheet"
    ? view.say("XLSX 또는 CSV 파일만 가져올 수 있습니다. 엑셀에서 '다른 이름으로 저장'으로 .xlsx나 .csv로 저장하세요.", "Only XLSX or CSV files can be imported. In Excel, use Save As to save the file as .xlsx or .csv.")
    : problem.format === "xlsx"
    ? view.say(
      problem.reason.includes(".xls)")
        ? "엑셀 97-2003 형식(.xls) 파일입니다. 엑셀에서 '다른 이름으로 저장'으로 .xlsx로 저장한 뒤 가져오세요."
        : "엑셀 파일을 읽을 수 없습니다. 엑셀에서 열리는지, .xlsx로 저장했는지 확인하세요.",
      `The Excel file could not be read: ${problem.reason}. Check that it opens in Excel and was saved as .xlsx.`
    )
    : view.say(
      "CSV 파일을 읽을 수 없습니다. 고른 문자 인코딩이 파일과 맞지 않거나 파일이 손상되었습니다. 문자 인코딩을 '자동'이나 다른 것으로 바꿔 다시 읽어 보세요.",
      `The CSV file could not be read: ${problem.reason}. Choose another text encoding (or Automatic) and read it again.`
    )

const noHeaderRow = (view: View, ledgerId: Mapping.KnownLedger, sheet: Sheet.Sheet) => {
  const ledger = Mapping.ledgers[ledgerId]
  const examples = ledger.columns.filter((c) => c.required).slice(0, 3)
  return view.say(
    `'${sheet.name}' 시트의 처음 20행에서 ${ledger.name.ko}의 머리글 행(예: ${examples.map((c) => c.header.ko).join(", ")})을 찾지 못했습니다. 가져올 대장을 바르게 골랐는지 확인하세요.`,
    `No header row of ${ledger.name.en} (such as ${examples.map((c) => c.header.en).join(", ")}) was found in the first 20 rows of sheet "${sheet.name}". Check that the right ledger is chosen.`
  )
}

// ---------------------------------------------------------------------------
// Reading the form
// ---------------------------------------------------------------------------

/** The mapping the person chose in the result area, if it was drawn for this ledger. */
const mappingOf = (fields: Form, ledger: Mapping.KnownLedger) => {
  if (fields.get("mappingFor") !== ledger) return undefined
  const columns: Record<string, string> = {}
  for (const column of Mapping.ledgers[ledger].columns) {
    const header = fields.get(mappingField(column.key))
    if (header !== undefined) columns[column.key] = header
  }
  return { columns, residentNumber: fields.get("residentNumber") === "birthDate" ? "birthDate" as const : "refuse" as const }
}

/**
 * The sheet to read: the one the person chose (after a first read), else the
 * first whose header row names the ledger's columns, else the first.
 */
const sheetOf = (sheets: ReadonlyArray<Sheet.Sheet>, ledger: Mapping.KnownLedger, requested: string | undefined): { readonly sheet: Sheet.Sheet; readonly choice: SheetChoice } => {
  const sheet = sheets.find((s) => s.name === requested) ??
    sheets.find((s) => Mapping.table(s, Mapping.ledgers[ledger]) !== undefined) ??
    sheets[0]!
  return { sheet, choice: { names: sheets.map((s) => s.name), chosen: sheet.name } }
}

interface Request {
  readonly chosen: Chosen
  readonly request: SheetImport.Request
  readonly sheets: SheetChoice
}

/** What to tell the person instead of importing, with the answer's status. */
interface Refused {
  readonly chosen: Chosen | undefined
  readonly message: string
  readonly status: number
}

/** The import the form asks for, or what to tell the person instead. */
const requestOf = (view: View, upload: Either.Either<Upload, UploadProblem>, useMapping: boolean): Effect.Effect<Either.Either<Request, Refused>> =>
  Effect.gen(function*() {
    if (Either.isLeft(upload)) {
      return Either.left({ chosen: undefined, message: uploadProblem(view, upload.left), status: upload.left._tag === "TooLarge" ? 413 : 400 })
    }
    const { fields, file } = upload.right
    const chosen = chosenOf(fields)
    if (file === undefined) {
      return Either.left({ chosen, message: view.say("가져올 파일을 고르세요.", "Choose the file to import."), status: 422 })
    }
    const read = yield* Effect.either(sheetsOf(file, chosen.encoding))
    if (Either.isLeft(read)) return Either.left({ chosen, message: sheetProblem(view, read.left), status: 422 })
    const { choice, sheet } = sheetOf(read.right, chosen.ledger, useMapping ? fields.get("sheet") : undefined)
    const mapping = useMapping ? mappingOf(fields, chosen.ledger) : undefined
    return Either.right({
      chosen,
      sheets: choice,
      request: { ledger: chosen.ledger, sheet, ...(mapping === undefined ? {} : { mapping }) }
    } satisfies Request)
  })

const upload = {
  read: readUpload,
  fieldsOf: (read: Either.Either<Upload, UploadProblem>) => Either.isRight(read) ? read.right.fields : undefined,
  allowed: mayImport
}

// ---------------------------------------------------------------------------
// Reading and previewing
// ---------------------------------------------------------------------------

/** The result area for htmx; without it, the whole page with the result area filled (the file must be chosen again). */
const answer = (view: View, chosen: Chosen | undefined, part: VNode, status = 200) =>
  Effect.gen(function*() {
    if (yield* isHtmx) return yield* html(part, { fragment: true, status })
    const limit = yield* bodyLimit
    return yield* html(
      <Page view={view} title={titleOf(view)}>
        <ImportForm view={view} chosen={chosen ?? { ledger: ledgerIds[0]!, encoding: "auto" }} result={part} limit={limit} />
      </Page>,
      { status }
    )
  })

const preview = (useMapping: boolean): Handler =>
  uploadPage(upload, (signedIn: Signed, read) =>
    Effect.gen(function*() {
      const { actor, view } = signedIn
      const asked = yield* requestOf(view, read, useMapping)
      if (Either.isLeft(asked)) {
        const { chosen, message, status } = asked.left
        return yield* answer(view, chosen, <UploadRefusal message={message} />, status)
      }
      const { chosen, request, sheets } = asked.right
      // A first read (no mapping given) uses the district's saved mapping where the sheet has its columns, and
      // suggestions for the other fields: core fits it.
      const outcome = yield* Effect.either(SheetImport.preview(actor, request))
      if (Either.isLeft(outcome)) {
        if (outcome.left._tag !== "ValidationError") return yield* outcome.left
        return yield* answer(view, chosen, <UploadRefusal message={noHeaderRow(view, chosen.ledger, request.sheet)} />, 422)
      }
      return yield* answer(view, chosen, <ResultArea view={view} outcome={outcome.right} sheets={sheets} />)
    }))

// ---------------------------------------------------------------------------
// Committing, with its progress streamed
// ---------------------------------------------------------------------------

const marker = "\u2063iljari-import-progress\u2063"

// A pause on a timer, so that Node sends what the page has so far. The store's batches are synchronous work
// (SQLite) and Effect runs fibers on microtasks, while Node writes a response's corked chunks only when the
// event loop turns: without this the whole page would leave at the end, progress and all.
const letThePageOut = Effect.sleep(0)
const encoder = new TextEncoder()
const render = (node: VNode) => renderToString(node)

const committing = (signedIn: Signed, asked: Request, services: Context.Context<Services>) => {
  const { actor, view } = signedIn
  const [head, tail] = ("<!doctype html>" + render(
    <Page view={view} title={titleOf(view)}>
      <div id="import-commit">{marker}</div>
    </Page>
  )).split(marker) as [string, string]
  const progress = Stream.unwrapScoped(Effect.gen(function*() {
    const mailbox = yield* Mailbox.make<string>()
    const step = (kind: ImportStore.RecordKind, done: number, total: number) =>
      render(<ProgressStep view={view} kind={kind} done={done} total={total} />)
    yield* letThePageOut.pipe(
      Effect.zipRight(SheetImport.commit(actor, asked.request, {
        onProgress: ({ kind, rows, rowsDone }) => Effect.zipRight(mailbox.offer(step(kind, rowsDone, rows)), letThePageOut)
      })),
      Effect.matchCauseEffect({
        onSuccess: (outcome) =>
          mailbox.offerAll([
            render(<ProgressStep view={view} done={outcome.rows} total={outcome.rows} finished />),
            "</ol>",
            render(<CommitResult view={view} outcome={outcome} />)
          ]),
        onFailure: (cause) =>
          Effect.zipRight(
            Effect.logError("web: an import stopped", Cause.squash(cause)),
            mailbox.offerAll([
              "</ol>",
              render(
                <CommitStopped
                  view={view}
                  message={Option.exists(Cause.failureOption(cause), (error) => error._tag === "ValidationError")
                    ? view.say("열 연결에 문제가 있어 아무것도 가져오지 않았습니다. 처음부터 다시 미리 보세요.", "The columns have problems: nothing was imported. Preview again from the start.")
                    : view.say(
                      "저장하는 중에 멈췄습니다. 이미 저장한 묶음은 그대로 남아 있고, 같은 파일을 다시 가져오면 남은 행만 가져옵니다.",
                      "The import stopped while writing. The batches already written stay; importing the same file again writes only the rest."
                    )}
                />
              )
            ])
          )
      }),
      Effect.ensuring(mailbox.end),
      Effect.provide(services),
      Effect.forkScoped
    )
    return Mailbox.toStream(mailbox)
  }))
  const opening = `<ol class="import-progress" aria-label="${view.say("진행 상황", "Progress")}">${render(<ProgressStep view={view} done={0} total={undefined} />)}`
  return Stream.make(head, opening).pipe(
    Stream.concat(progress),
    Stream.concat(Stream.make(tail)),
    Stream.map((text) => encoder.encode(text))
  )
}

const commit: Handler = uploadPage(upload, (signedIn: Signed, read) =>
  Effect.gen(function*() {
    const { view } = signedIn
    const asked = yield* requestOf(view, read, true)
    if (Either.isLeft(asked)) {
      const { chosen, message, status } = asked.left
      return yield* answer(view, chosen, <UploadRefusal message={message} />, status)
    }
    const services = yield* Effect.context<Services>()
    return HttpServerResponse.stream(committing(signedIn, asked.right, services), {
      contentType: "text/html; charset=utf-8",
      headers: pageHeaders
    })
  }))

export const importRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/import", showImport),
  HttpRouter.post("/import/read", preview(false)),
  HttpRouter.post("/import/preview", preview(true)),
  HttpRouter.post("/import/commit", commit)
)
