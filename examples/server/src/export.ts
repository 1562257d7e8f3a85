/**
 * `npm run export -- seekers 구직자.xlsx`: writes one of a district's ledgers
 * as a spreadsheet in the shape `npm run import` reads (the same Korean
 * headers), XLSX or CSV by the file's extension; every person it names is
 * logged as exported.
 */
import { Mapping, SheetExport } from "@iljari/core"
import { Csv, Xlsx } from "@iljari/sheets"
import { Console, Effect } from "effect"
import { writeFile } from "node:fs/promises"
import { extname } from "node:path"
import { parseArgs } from "node:util"
import { actorOf, run, UsageError } from "./Cli.js"

const ledgerIds = Object.keys(Mapping.ledgers)

const usage = `usage: npm run export -- <ledger> <file.xlsx | file.csv> [options]

Writes a ledger (${ledgerIds.join(", ")}) of the district as a spreadsheet that
\`npm run import\` reads back. (대장을 가져오기와 같은 모양의 엑셀·CSV로 내보냅니다.)

  --encoding <name>   CSV only: utf-8 (default, with a BOM for Excel) | cp949
  --district <code>   the district (default: ILJARI_DISTRICT or 11200)
  --as <staff id>     who exports, in the access log (default: the deployment)
  --help              this text`

const program = Effect.gen(function*() {
  const { positionals, values } = yield* Effect.try({
    try: () =>
      parseArgs({
        allowPositionals: true,
        options: { encoding: { type: "string" }, district: { type: "string" }, as: { type: "string" }, help: { type: "boolean" } }
      }),
    catch: (error) => new UsageError(String((error as Error).message))
  })
  if (values.help === true) {
    yield* Console.log(usage)
    return 0
  }
  const [ledger, file] = positionals
  if (ledger === undefined || file === undefined || positionals.length > 2) return yield* Effect.fail(new UsageError("give a ledger and a file"))
  if (!ledgerIds.includes(ledger)) return yield* Effect.fail(new UsageError(`the ledger must be one of ${ledgerIds.join(", ")}; got ${ledger}`))
  const format = extname(file).toLowerCase()
  if (format !== ".xlsx" && format !== ".csv") return yield* Effect.fail(new UsageError(`the file must end in .xlsx or .csv; got ${file}`))
  if (values.encoding !== undefined && values.encoding !== "utf-8" && values.encoding !== "cp949") {
    return yield* Effect.fail(new UsageError(`--encoding must be utf-8 or cp949; got ${values.encoding}`))
  }
  const actor = yield* actorOf(values)
  const table = yield* SheetExport.table(actor, ledger as Mapping.KnownLedger)
  const bytes = format === ".xlsx" ? yield* Xlsx.write([table]) : Csv.write(table, { encoding: values.encoding ?? "utf-8" })
  yield* Effect.promise(() => writeFile(file, bytes))
  yield* Console.log(`${table.name}: ${table.rows.length}행 → ${file}`)
  return 0
})

run(usage, program)
