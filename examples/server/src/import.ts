/**
 * `npm run import -- 구직자명단.xlsx`: brings a district's spreadsheet ledger
 * into the server's storage with the steps of the web app's import page —
 * read, map the columns, preview every row, then (with `--commit`) write the
 * good rows with a progress bar. Without `--commit` nothing is written.
 */
import { ImportStore, Mapping, SheetImport, type Sheet } from "@iljari/core"
import { Csv, Xlsx } from "@iljari/sheets"
import cliProgress from "cli-progress"
import { Console, Effect } from "effect"
import { readFile } from "node:fs/promises"
import { extname } from "node:path"
import { parseArgs } from "node:util"
import { actorOf, type Lang, langOf, run, UsageError } from "./Cli.js"

const usage = `usage: npm run import -- <file.xlsx | file.csv> [options]

Reads a spreadsheet ledger, shows how its columns map to iljari's fields and
what every row would become, and writes the good rows with --commit.
(엑셀·CSV 대장을 읽어 열 연결과 행마다의 결과를 보여 주고, --commit이면 올바른 행을 저장합니다.)

  --ledger <name>           seekers | employers | placements | followUps (default: guessed from the headers)
  --sheet <name>            the worksheet to read (default: the first with a header row)
  --encoding <name>         CSV only: auto | utf-8 | cp949 (default: auto)
  --map <field>=<header>    read a field from another column; repeat for more; <field>= leaves it out
  --resident-number <use>   a 주민등록번호 column: refuse (default) | birth-date (keep the birth date, drop the rest)
  --district <code>         the district (default: ILJARI_DISTRICT or 11200)
  --as <staff id>           who imports, in the access log (default: the deployment)
  --commit                  write the good rows (default: preview only)
  --json                    print the outcome as JSON
  --lang <ko|en>            the language of messages (default: ko)
  --help                    this text

Exit code: 0 when every row is good, 1 when a row or the mapping has a problem, 2 for a usage error.`

const ledgerIds = Object.keys(Mapping.ledgers) as ReadonlyArray<Mapping.KnownLedger>

const say = (lang: Lang) => (ko: string, en: string) => (lang === "en" ? en : ko)

const sheetsOf = (file: string, bytes: Uint8Array, encoding: string | undefined) => {
  // A zip archive (an XLSX) starts with "PK"; anything else is read as CSV.
  const isXlsx = extname(file).toLowerCase() === ".xlsx" || (bytes[0] === 0x50 && bytes[1] === 0x4b)
  if (isXlsx) return Xlsx.read(bytes)
  if (encoding !== undefined && !["auto", "utf-8", "cp949"].includes(encoding)) {
    return Effect.fail(new UsageError(`--encoding must be auto, utf-8 or cp949; got ${encoding}`))
  }
  return Effect.map(Csv.read(bytes, { encoding: (encoding ?? "auto") as "auto" | "utf-8" | "cp949" }), (sheet) => [sheet])
}

const program = Effect.gen(function*() {
  const { positionals, values } = yield* Effect.try({
    try: () =>
      parseArgs({
        allowPositionals: true,
        options: {
          ledger: { type: "string" },
          sheet: { type: "string" },
          encoding: { type: "string" },
          map: { type: "string", multiple: true },
          "resident-number": { type: "string" },
          district: { type: "string" },
          as: { type: "string" },
          commit: { type: "boolean" },
          json: { type: "boolean" },
          lang: { type: "string" },
          help: { type: "boolean" }
        }
      }),
    catch: (error) => new UsageError(String((error as Error).message))
  })
  if (values.help === true) {
    yield* Console.log(usage)
    return 0
  }
  const file = positionals[0]
  if (file === undefined || positionals.length > 1) return yield* Effect.fail(new UsageError("give one file to import"))
  const t = say(langOf(values.lang))
  const actor = yield* actorOf(values)

  const bytes = yield* Effect.tryPromise({
    try: () => readFile(file),
    catch: () => new UsageError(`cannot read ${file} (파일을 읽을 수 없습니다)`)
  })
  const sheets = yield* sheetsOf(file, new Uint8Array(bytes), values.encoding)
  const candidates = values.sheet === undefined ? sheets : sheets.filter((s) => s.name === values.sheet)
  if (candidates.length === 0) return yield* Effect.fail(new UsageError(`no worksheet named ${values.sheet}; the file has ${sheets.map((s) => s.name).join(", ")}`))
  if (values.ledger !== undefined && !ledgerIds.includes(values.ledger as Mapping.KnownLedger)) {
    return yield* Effect.fail(new UsageError(`--ledger must be one of ${ledgerIds.join(", ")}; got ${values.ledger}`))
  }
  const found = candidates
    .map((sheet) => ({ sheet, ledger: (values.ledger as Mapping.KnownLedger | undefined) ?? Mapping.guess(sheet) }))
    .find((c): c is { sheet: Sheet.Sheet; ledger: Mapping.KnownLedger } => c.ledger !== undefined && Mapping.table(c.sheet, Mapping.ledgers[c.ledger]) !== undefined)
  if (found === undefined) {
    return yield* Effect.fail(new Error(t("머리글 행을 찾을 수 없습니다: 성명, 사업장명, 취업일 같은 열 이름이 있는 행이 필요합니다", "no header row found: a row naming columns such as 성명, 사업장명 or 취업일 is needed")))
  }
  const { ledger, sheet } = found

  // The mapping: the district's saved one, else suggested; then --map and --resident-number.
  const first = yield* SheetImport.columns(actor, { ledger, sheet })
  const columns: Record<string, string> = { ...first.mapping.columns }
  for (const change of values.map ?? []) {
    const [field, ...header] = change.split("=")
    if (field === undefined || header.length === 0) return yield* Effect.fail(new UsageError(`--map takes <field>=<header>; got ${change}`))
    if (header.join("=") === "") delete columns[field]
    else columns[field] = header.join("=")
  }
  const residentNumber = values["resident-number"] ?? (first.mapping.residentNumber === "birthDate" ? "birth-date" : "refuse")
  if (residentNumber !== "refuse" && residentNumber !== "birth-date") {
    return yield* Effect.fail(new UsageError(`--resident-number must be refuse or birth-date; got ${residentNumber}`))
  }
  const request = { ledger, sheet, mapping: { columns, residentNumber: residentNumber === "birth-date" ? "birthDate" as const : "refuse" as const } }
  // A commit reports what a preview would, so it is not read twice.
  if (values.commit !== true) {
    const preview = yield* SheetImport.preview(actor, request)
    yield* Console.log(values.json === true ? JSON.stringify(preview, null, 2) : describe(t, sheet, preview))
    if (values.json !== true) yield* Console.log(t("\n저장하지 않았습니다. 저장하려면 --commit을 붙이세요.", "\nNothing was written; add --commit to write the good rows."))
    return preview.mappingProblems.length + preview.failures.length > 0 ? 1 : 0
  }
  const planned = yield* SheetImport.columns(actor, request)
  if (planned.mappingProblems.length > 0) {
    yield* Console.log(describe(t, sheet, { ...planned, ledger, rows: 0, committed: false, created: {}, updated: {}, skipped: {}, failures: [], notes: [] }))
    return 1
  }

  const bar = new cliProgress.SingleBar(
    { format: `${t("저장", "Writing")} {kind} [{bar}] {value}/{total}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic
  )
  let started = false
  const outcome = yield* SheetImport.commit(actor, request, {
    onProgress: ({ kind, rows, rowsDone }) =>
      Effect.sync(() => {
        if (!started) bar.start(rows, 0, { kind })
        started = true
        bar.setTotal(rows)
        bar.update(rowsDone, { kind })
      })
  }).pipe(Effect.ensuring(Effect.sync(() => bar.stop())))
  if (values.json === true) yield* Console.log(JSON.stringify(outcome, null, 2))
  else yield* Console.log(`${describe(t, sheet, outcome)}\n\n${t("저장했습니다", "Written")}: ${counts(t, outcome)}`)
  return outcome.failures.length > 0 ? 1 : 0
})

const label = (t: ReturnType<typeof say>, kind: string) =>
  t(ImportStore.kindLabel(kind as ImportStore.RecordKind, "ko"), ImportStore.kindLabel(kind as ImportStore.RecordKind, "en"))

const counts = (t: ReturnType<typeof say>, outcome: SheetImport.Outcome) =>
  [
    ...Object.entries(outcome.created).map(([kind, n]) => `${t("새", "new")} ${label(t, kind)} ${n}`),
    ...Object.entries(outcome.updated).map(([kind, n]) => `${t("바뀐", "changed")} ${label(t, kind)} ${n}`),
    ...Object.entries(outcome.skipped).map(([kind, n]) => `${t("이미 가져온", "already imported")} ${label(t, kind)} ${n}`),
    `${t("오류 행", "rows with problems")} ${outcome.failures.length}`
  ].join(", ")

const describe = (t: ReturnType<typeof say>, sheet: Sheet.Sheet, outcome: SheetImport.Outcome): string => {
  const ledger = Mapping.ledgers[outcome.ledger]
  const lines = [
    `${t("시트", "Sheet")} "${sheet.name}": ${t(ledger.name.ko, ledger.name.en)}, ${t("머리글", "header")} ${outcome.headerRow}${t("행", "")}, ${t("자료", "data rows")} ${outcome.rows}${t("행", "")}`,
    "",
    t("열 연결 (항목 ← 시트의 열):", "Columns (field ← the sheet's column):"),
    ...ledger.columns.map((column) => {
      const header = outcome.mapping.columns[column.key]
      return `  ${column.required ? "*" : " "} ${column.key.padEnd(22)} ${t(column.header.ko, column.header.en)} ← ${header ?? t("(없음)", "(none)")}`
    })
  ]
  if (outcome.residentNumber !== "none") {
    lines.push("", outcome.residentNumber === "birthDate"
      ? t("주민등록번호 열: 생년월일만 읽고 나머지는 버립니다.", "Resident number column: the birth date is read, the rest dropped.")
      : t("주민등록번호 열: 저장하지 않으므로 이 파일은 가져올 수 없습니다 (--resident-number birth-date).", "Resident number column: refused (--resident-number birth-date reads the birth date only)."))
  }
  if (outcome.mappingProblems.length > 0) {
    lines.push("", t("열 연결 문제:", "Mapping problems:"), ...outcome.mappingProblems.map((p) => `  - ${t(p.ko, p.en)}`))
    return lines.join("\n")
  }
  lines.push("", `${outcome.committed ? t("결과", "Result") : t("미리보기", "Preview")}: ${counts(t, outcome)}`)
  for (const failure of outcome.failures) {
    for (const issue of failure.issues) lines.push(`  ${failure.row}${t("행", "")}${issue.column === undefined ? "" : ` [${issue.column}]`} ${t(issue.ko, issue.en)}`)
  }
  for (const note of outcome.notes) {
    for (const issue of note.issues) lines.push(`  ${note.row}${t("행 (참고)", " (note)")} ${t(issue.ko, issue.en)}`)
  }
  return lines.join("\n")
}

run(usage, program)
