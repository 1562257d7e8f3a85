/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The import page's parts: the form (ledger, file, CSV encoding), and in its
 * result area the column mapping, the preview and the commit button; then
 * the commit's progress and result.
 *
 * The result area sits inside the form, so that every step posts the whole
 * form — the file the person chose included — again: the server keeps
 * nothing between steps.
 */
import { type ImportStore, Mapping, type SheetImport } from "@iljari/core"
import type { Choice } from "../../ui/Fields.js"
import { SelectField } from "../../ui/Fields.js"
import { CsrfField } from "../../ui/Layout.js"
import { Table } from "../../ui/Lists.js"
import type { Say } from "../../ui/Say.js"
import { href, type View } from "../../ui/View.js"

/** The ledgers a person may choose, in the order core lists them. */
export const ledgerIds = Object.keys(Mapping.ledgers) as ReadonlyArray<Mapping.KnownLedger>

export const isLedger = (value: string | undefined): value is Mapping.KnownLedger => ledgerIds.includes(value as Mapping.KnownLedger)

export type Encoding = "auto" | "utf-8" | "cp949"

export const encodingOf = (value: string | undefined): Encoding => value === "utf-8" || value === "cp949" ? value : "auto"

/** What the person chose in the form's first step. */
export interface Chosen {
  readonly ledger: Mapping.KnownLedger
  readonly encoding: Encoding
}

/** The most failures a preview lists row by row (the counts cover all). */
export const failuresShown = 200

type Kind = ImportStore.RecordKind | "referrals"

const kindLabels: Record<Kind, readonly [string, string]> = {
  referrals: ["알선", "referrals"],
  seekers: ["구직자", "seekers"],
  employers: ["구인업체", "employers"],
  openings: ["구인공고", "openings"],
  placements: ["취업", "placements"],
  followUps: ["사후관리", "follow-up checks"]
}

/** How many records of a kind, as a phrase ("구직자 12건"). */
export const kindCount = (say: Say, kind: Kind, count: number) => {
  const [ko, en] = kindLabels[kind]
  return say(`${ko} ${count.toLocaleString("ko-KR")}건`, `${count.toLocaleString("en-US")} ${en}`)
}

const count = (n: number) => n.toLocaleString("ko-KR")

/** The whole page: the form, and the result area (empty, or a refusal of the upload). */
export const ImportForm = ({ view, chosen, result, limit }: {
  readonly view: View
  readonly chosen: Chosen
  readonly result?: preact.ComponentChildren
  readonly limit: number | undefined
}) => {
  const { say } = view
  const ledgerChoices: ReadonlyArray<Choice> = ledgerIds.map((id) => ({ value: id, label: say(Mapping.ledgers[id].name.ko, Mapping.ledgers[id].name.en) }))
  const encodings: ReadonlyArray<Choice> = [
    { value: "auto", label: say("자동", "Automatic") },
    { value: "utf-8", label: "UTF-8" },
    { value: "cp949", label: "CP949(EUC-KR)" }
  ]
  const megabytes = limit === undefined ? undefined : Math.floor(limit / (1024 * 1024))
  return (
    <>
      <p>
        {say(
          "엑셀(XLSX)이나 CSV로 관리하던 대장을 가져옵니다. 파일을 고르고 읽으면, 열 연결을 확인하고 미리 본 뒤 가져올 수 있습니다. 파일은 서버에 남지 않습니다: 단계마다 이 화면에서 고른 파일을 다시 보내 읽습니다.",
          "Brings a ledger kept in Excel (XLSX) or CSV into the center's records. Choose the file and read it; check which column holds what, look at the preview, then import. The file is never kept on the server: each step sends the file chosen on this page again."
        )}
      </p>
      <form
        id="import-form"
        method="post"
        action={href(view, "/import/read")}
        enctype="multipart/form-data"
        hx-encoding="multipart/form-data"
        hx-target="#import-result"
        hx-swap="innerHTML"
      >
        <CsrfField view={view} />
        <div class="import-step">
          <h2>{say("1. 대장과 파일", "1. Ledger and file")}</h2>
          <SelectField name="ledger" label={say("가져올 대장", "Ledger")} choices={ledgerChoices} value={chosen.ledger} required />
          <div class="form-group">
            <div class="form-tit">
              <label for="f-file">{say("파일 (XLSX 또는 CSV)", "File (XLSX or CSV)")}</label>
            </div>
            <div class="form-conts">
              <input type="file" id="f-file" name="file" class="krds-input" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="f-file-hint" />
            </div>
            <p class="form-hint" id="f-file-hint">
              {megabytes === undefined
                ? say("제목 행이 있어도 됩니다. 머리글 행은 자동으로 찾습니다.", "Title rows are fine: the header row is found by itself.")
                : say(
                  `${megabytes}MB까지 올릴 수 있습니다. 제목 행이 있어도 됩니다. 머리글 행은 자동으로 찾습니다.`,
                  `Up to ${megabytes} MB. Title rows are fine: the header row is found by itself.`
                )}
            </p>
          </div>
          <SelectField
            name="encoding"
            label={say("CSV 문자 인코딩", "CSV text encoding")}
            choices={encodings}
            value={chosen.encoding}
            hint={say("CSV 파일만 해당합니다. 한글이 깨지면 CP949(EUC-KR)를 고르세요.", "For CSV files only. If Korean text comes out garbled, choose CP949 (EUC-KR).")}
          />
          <div class="actions">
            <button type="submit" class="krds-btn secondary" formaction={href(view, "/import/read")} hx-post={href(view, "/import/read")}>
              {say("파일 읽기", "Read the file")}
            </button>
          </div>
        </div>
        <div id="import-result" aria-live="polite">{result}</div>
      </form>
    </>
  )
}

/** What the person is told when the upload could not be read. */
export const UploadRefusal = ({ message }: { readonly message: string }) => (
  <div class="notice error" role="alert" id="import-refusal">{message}</div>
)

/** The sheets of a workbook, when there are several: which one to read. */
export interface SheetChoice {
  readonly names: ReadonlyArray<string>
  readonly chosen: string
}

const uniqueHeaders = (headers: ReadonlyArray<string>) => [...new Set(headers.filter((h) => h !== ""))]

/** The field names of the mapping's selects. */
export const mappingField = (key: string) => `map.${key}`

/** The mapping step: a select of the sheet's headers for each field of the ledger. */
export const MappingStep = ({ view, outcome, sheets }: {
  readonly view: View
  readonly outcome: SheetImport.Outcome
  readonly sheets: SheetChoice
}) => {
  const { say } = view
  const ledger = Mapping.ledgers[outcome.ledger]
  const headers = uniqueHeaders(outcome.headers)
  const choices: ReadonlyArray<Choice> = headers.map((h) => ({ value: h, label: h }))
  const residentHeader = outcome.mapping.columns["residentNumber"]
  const hasResidentColumn = ledger.columns.some((c) => c.key === "residentNumber")
  const showResident = hasResidentColumn && (outcome.residentNumber !== "none" || residentHeader !== undefined)
  return (
    <section class="import-step" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{say("2. 열 연결", "2. Columns")}</h2>
      {/* The mapping below belongs to this ledger: a post for another one starts from its saved or suggested mapping. */}
      <input type="hidden" name="mappingFor" value={outcome.ledger} />
      <p>
        {say(
          `'${sheets.chosen}' 시트의 ${outcome.headerRow}행을 머리글로 읽었습니다. 항목마다 그 값이 있는 열을 고르세요. 필수 항목은 꼭 연결해야 합니다.`,
          `Row ${outcome.headerRow} of sheet "${sheets.chosen}" was read as the header row. For each field, choose the column that holds it; required fields must be mapped.`
        )}
      </p>
      {sheets.names.length > 1
        ? <SelectField name="sheet" label={say("읽을 시트", "Sheet")} choices={sheets.names.map((n) => ({ value: n, label: n }))} value={sheets.chosen} />
        : <input type="hidden" name="sheet" value={sheets.chosen} />}
      <div class="mapping-grid">
        {ledger.columns.map((column) => (
          <SelectField
            name={mappingField(column.key)}
            label={`${say(column.header.ko, column.header.en)}${column.required ? say(" (필수)", " (required)") : ""}`}
            choices={choices}
            value={outcome.mapping.columns[column.key]}
            empty={say("— 연결 안 함 —", "— not mapped —")}
          />
        ))}
      </div>
      {showResident
        ? (
          <fieldset class="form-group resident-number" aria-describedby="resident-hint">
            <legend class="form-tit">{say("주민등록번호 열", "Resident registration number column")}</legend>
            <p class="form-hint" id="resident-hint">
              {say(
                "iljari는 주민등록번호를 저장하지 않습니다. 이 파일을 거부하거나, 생년월일만 읽고 나머지는 버리도록 고르세요.",
                "iljari never stores resident registration numbers. Refuse this file, or read only the birth date from the column and drop the rest."
              )}
            </p>
            <div class="form-conts krds-check-area">
              <div class="krds-form-check">
                <input type="radio" name="residentNumber" id="resident-refuse" value="refuse" checked={outcome.mapping.residentNumber !== "birthDate"} />
                <label for="resident-refuse">{say("파일 거부", "Refuse the file")}</label>
              </div>
              <div class="krds-form-check">
                <input type="radio" name="residentNumber" id="resident-birth-date" value="birthDate" checked={outcome.mapping.residentNumber === "birthDate"} />
                <label for="resident-birth-date">{say("생년월일만 읽고 버림", "Read the birth date only, drop the rest")}</label>
              </div>
            </div>
          </fieldset>
        )
        : <input type="hidden" name="residentNumber" value={outcome.mapping.residentNumber} />}
      <div class="actions">
        <button type="submit" class="krds-btn secondary" formaction={href(view, "/import/preview")} hx-post={href(view, "/import/preview")}>
          {say("이 연결로 다시 미리 보기", "Preview again with these columns")}
        </button>
      </div>
    </section>
  )
}


/** The problems of the mapping itself, above everything else: while any is left, nothing can be imported. */
export const MappingProblems = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) =>
  outcome.mappingProblems.length === 0 ? null : (
    <div class="notice error" role="alert" id="mapping-problems">
      <p>
        <strong>
          {view.say(
            `열 연결에 문제가 ${outcome.mappingProblems.length}건 있습니다. 고치기 전에는 가져올 수 없습니다.`,
            `The columns have ${outcome.mappingProblems.length} problem${outcome.mappingProblems.length === 1 ? "" : "s"}; nothing can be imported until they are fixed.`
          )}
        </strong>
      </p>
      <ul>
        {outcome.mappingProblems.map((problem) => <li>{view.say(problem.ko, problem.en)}</li>)}
      </ul>
    </div>
  )

const total = (byKind: Partial<Record<string, number>>) => Object.values(byKind).reduce((sum: number, n) => sum + (n ?? 0), 0)
const created = (outcome: SheetImport.Outcome) => total(outcome.created)
const byKind = (say: Say, counts: Partial<Record<Kind, number>>) =>
  (Object.entries(counts) as Array<[Kind, number | undefined]>).filter(([, n]) => (n ?? 0) > 0).map(([kind, n]) => kindCount(say, kind, n!)).join(", ")

/** The counts: to create (or created), imported before, rows with errors, rows read. */
const Counts = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) => {
  const { say } = view
  const ledger = Mapping.ledgers[outcome.ledger]
  return (
    <div class="cards import-counts">
      <div class="card">
        <h3>{outcome.committed ? say("새로 만든 기록", "Records created") : say("새로 만들 기록", "Records to create")}</h3>
        <p class="figure">{count(created(outcome))}</p>
        <p>{ledger.kinds.map((kind) => kindCount(say, kind, outcome.created[kind] ?? 0)).join(", ")}</p>
        {total(outcome.updated) === 0 ? null : (
          <p>
            {outcome.committed
              ? say(`바꾼 기록: ${byKind(say, outcome.updated)}`, `Changed: ${byKind(say, outcome.updated)}`)
              : say(`바꿀 기록: ${byKind(say, outcome.updated)}`, `To change: ${byKind(say, outcome.updated)}`)}
          </p>
        )}
      </div>
      <div class="card">
        <h3>{say("이미 가져온 기록", "Imported before")}</h3>
        <p class="figure">{count(total(outcome.skipped))}</p>
        <p>{say("그대로 둡니다", "left as they are")}</p>
      </div>
      <div class="card">
        <h3>{say("오류가 있는 행", "Rows with errors")}</h3>
        <p class="figure">{count(outcome.failures.length)}</p>
        <p>{say("가져오지 않습니다", "not imported")}</p>
      </div>
      <div class="card">
        <h3>{say("읽은 행", "Rows read")}</h3>
        <p class="figure">{count(outcome.rows)}</p>
        <p>{say(`머리글 ${outcome.headerRow}행 아래`, `below header row ${outcome.headerRow}`)}</p>
      </div>
    </div>
  )
}

/** Every problem of every row that will not be imported, by the spreadsheet's own row numbers. */
export const Failures = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) =>
  <RowTable view={view} id="import-failures" rows={outcome.failures} title={view.say("오류가 있는 행 (파일의 행 번호)", "Rows with errors (the file's row numbers)")} />

/** What the person should know about rows that are imported (a placement that will not count for the center). */
export const Notes = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) =>
  <RowTable view={view} id="import-notes" rows={outcome.notes} title={view.say("참고할 행 (가져오지만 알아 두세요)", "Rows to note (imported, but worth knowing)")} />

const RowTable = ({ view, id, rows, title }: {
  readonly view: View
  readonly id: string
  readonly rows: ReadonlyArray<SheetImport.RowFailure>
  readonly title: string
}) => {
  const { say } = view
  if (rows.length === 0) return null
  const shown = rows.slice(0, failuresShown)
  const caption = title + (rows.length > shown.length ? say(` — 처음 ${shown.length}행만 보입니다`, ` — the first ${shown.length} rows are shown`) : "")
  return (
    <div id={id}>
      <Table
        caption={caption}
        head={
          <>
            <th scope="col">{say("행", "Row")}</th>
            <th scope="col">{say("열", "Column")}</th>
            <th scope="col">{say("내용", "Problem")}</th>
          </>
        }
      >
        {shown.flatMap((failure) =>
          failure.issues.map((issue) => (
            <tr>
              <th scope="row">{say(`${failure.row}행`, `Row ${failure.row}`)}</th>
              <td>{issue.column ?? "—"}</td>
              <td class="wrap">{say(issue.ko, issue.en)}</td>
            </tr>
          ))
        )}
      </Table>
    </div>
  )
}

/** The preview step: the counts, the failures and the commit button (disabled while the mapping has problems). */
export const PreviewStep = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) => {
  const { say } = view
  const blocked = outcome.mappingProblems.length > 0
  const n = created(outcome)
  return (
    <section class="import-step" aria-labelledby="preview-title">
      <h2 id="preview-title">{say("3. 미리 보기", "3. Preview")}</h2>
      {blocked
        ? <p>{say("열 연결을 고친 뒤 다시 미리 보면 행마다 확인합니다.", "Fix the columns and preview again to check each row.")}</p>
        : (
          <>
            <Counts view={view} outcome={outcome} />
            <Failures view={view} outcome={outcome} />
            <Notes view={view} outcome={outcome} />
          </>
        )}
      <div class="actions">
        {/* A plain submit (no htmx): the commit answers with a page of its own that streams its progress. */}
        <button
          type="submit"
          class="krds-btn primary"
          formaction={href(view, "/import/commit")}
          disabled={blocked}
          aria-describedby="commit-hint"
        >
          {say(`가져오기 (${count(n)}건)`, `Import (${count(n)})`)}
        </button>
      </div>
      <p class="form-hint" id="commit-hint">
        {blocked
          ? say("열 연결에 문제가 남아 있어 가져올 수 없습니다.", "The columns still have problems: nothing can be imported.")
          : say(
            "오류가 있는 행과 이미 가져온 행은 건너뜁니다. 같은 파일을 다시 가져와도 두 번 만들지 않습니다.",
            "Rows with errors and rows imported before are skipped; importing the same file again creates nothing twice."
          )}
      </p>
    </section>
  )
}

/** The result area after a read or a preview. */
export const ResultArea = ({ view, outcome, sheets }: {
  readonly view: View
  readonly outcome: SheetImport.Outcome
  readonly sheets: SheetChoice
}) => (
  <>
    <MappingProblems view={view} outcome={outcome} />
    <MappingStep view={view} outcome={outcome} sheets={sheets} />
    <PreviewStep view={view} outcome={outcome} />
  </>
)

/**
 * One step of the commit's progress. The commit's page is streamed: each
 * step is a new `<progress>` after the last, and the stylesheet shows only
 * the last one of the list (see app.css), so the bar fills as batches are
 * written, without a script.
 */
export const ProgressStep = ({ view, done, total, kind, finished = false }: {
  readonly view: View
  readonly done: number
  readonly total: number | undefined
  /** What is being written (a ledger row may make several kinds of record, written one kind after another). */
  readonly kind?: ImportStore.RecordKind
  /** The last step: every row read has been dealt with. */
  readonly finished?: boolean
}) => {
  const { say } = view
  const text = total === undefined
    ? say("파일을 읽고 있습니다…", "Reading the file…")
    : finished
    ? say(`완료: 읽은 ${count(total)}행을 모두 처리했습니다`, `Done: all ${count(total)} rows read were dealt with`)
    : say(
      `${kind === undefined ? "" : `${kindLabels[kind][0]} `}${count(done)} / ${count(total)}건 저장`,
      `${count(done)} of ${count(total)} ${kind === undefined ? "records" : kindLabels[kind][1]} written`
    )
  return (
    <li>
      {total === undefined
        ? <progress aria-label={text} />
        : <progress value={done} max={Math.max(total, 1)} aria-label={text} />}
      <span>{text}</span>
    </li>
  )
}

// Where the app shows what a ledger's import made (a ledger without a page of its own has no link).
const whereToSee: Partial<Record<string, { readonly path: string; readonly ko: string; readonly en: string }>> = {
  seekers: { path: "/seekers", ko: "구직자 목록 보기", en: "See the seekers" },
  employers: { path: "/employers", ko: "구인업체 목록 보기", en: "See the employers" },
  placements: { path: "/referrals", ko: "알선 현황 보기", en: "See the referrals" },
  followUps: { path: "/follow-ups", ko: "사후관리대장 보기", en: "See the follow-up ledger" }
}

/** The end of a commit: what was created, skipped and refused. */
export const CommitResult = ({ view, outcome }: { readonly view: View; readonly outcome: SheetImport.Outcome }) => {
  const { say } = view
  const ledger = Mapping.ledgers[outcome.ledger]
  return (
    <section aria-labelledby="result-title" id="import-done">
      <h2 id="result-title">{say("가져오기를 마쳤습니다", "The import is done")}</h2>
      <div class="notice success" role="status">
        {[
          say(
            `${ledger.name.ko}: ${ledger.kinds.map((kind) => kindCount(say, kind, outcome.created[kind] ?? 0)).join(", ")}을 새로 만들었습니다.`,
            `${ledger.name.en}: created ${ledger.kinds.map((kind) => kindCount(say, kind, outcome.created[kind] ?? 0)).join(", ")}.`
          ),
          total(outcome.updated) === 0 ? "" : say(` 바꾼 기록: ${byKind(say, outcome.updated)}.`, ` Changed: ${byKind(say, outcome.updated)}.`),
          total(outcome.skipped) === 0
            ? ""
            : say(` 이미 가져온 ${byKind(say, outcome.skipped)}은 그대로 두었습니다.`, ` Imported before and left as they were: ${byKind(say, outcome.skipped)}.`),
          outcome.failures.length === 0
            ? ""
            : say(` 오류가 있는 ${count(outcome.failures.length)}행은 가져오지 않았습니다. 아래 표를 보고 파일을 고친 뒤 다시 가져오면 그 행들만 더해집니다.`, ` ${count(outcome.failures.length)} rows with errors were not imported: fix them in the file (see below) and import it again to add just those.`)
        ].join("")}
      </div>
      <Counts view={view} outcome={outcome} />
      <Failures view={view} outcome={outcome} />
      <Notes view={view} outcome={outcome} />
      <div class="actions">
        {whereToSee[outcome.ledger] === undefined ? null : (
          <a class="krds-btn primary" href={href(view, whereToSee[outcome.ledger]!.path)}>
            {say(whereToSee[outcome.ledger]!.ko, whereToSee[outcome.ledger]!.en)}
          </a>
        )}
        <a class="krds-btn secondary" href={href(view, "/import")}>{say("다른 파일 가져오기", "Import another file")}</a>
      </div>
    </section>
  )
}

/** A commit that stopped: nothing (or only whole batches) written, and what to do. */
export const CommitStopped = ({ view, message }: { readonly view: View; readonly message: string }) => (
  <section aria-labelledby="stopped-title" id="import-stopped">
    <h2 id="stopped-title">{view.say("가져오기가 멈췄습니다", "The import stopped")}</h2>
    <div class="notice error" role="alert">{message}</div>
    <div class="actions">
      <a class="krds-btn secondary" href={href(view, "/import")}>{view.say("처음부터 다시", "Start again")}</a>
    </div>
  </section>
)
