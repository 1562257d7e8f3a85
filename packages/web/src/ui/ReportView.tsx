/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * A report of `@iljari/report` as a page shows it: its title and period,
 * its headline figures, and each table with its chart (SVG drawn on the
 * server) beside it, with links to the report's files. The 보고서 and
 * 목표·실적 pages both show their reports this way.
 */
import { Charts, type Report, Table } from "@iljari/report"
import { Effect } from "effect"
import { Table as DataTable } from "./Lists.js"
import { type View } from "./View.js"

// A chart depends only on its table and language; drawing it is most of a
// report page's time, and the same month is opened again and again.
const drawn = new Map<string, string | undefined>()
const drawnKept = 256

const chartOf = (table: Table.Table, lang: Table.Language) => {
  const key = `${lang}\u0000${JSON.stringify(table)}`
  if (drawn.has(key)) return Effect.succeed(drawn.get(key))
  return Charts.svg(table, lang).pipe(
    Effect.orDie,
    Effect.tap((svg) =>
      Effect.sync(() => {
        if (drawn.size >= drawnKept) drawn.delete(drawn.keys().next().value!)
        drawn.set(key, svg)
      })
    )
  )
}

/** Each table's chart as SVG, or `undefined` for a table without one. */
export const chartsOf = (report: Report.Report, lang: Table.Language) => Effect.forEach(report.tables, (table) => chartOf(table, lang))

/** Where a report's files are: the whole report as XLSX, one table as CSV. */
export interface ReportFiles {
  readonly xlsx: string
  readonly csv: (tableId: string) => string
}

export const ReportView = ({ view, report, files, charts }: {
  readonly view: View
  readonly report: Report.Report
  readonly files: ReportFiles
  readonly charts: ReadonlyArray<string | undefined>
}) => {
  const { say, lang } = view
  return (
    <section class="report" aria-labelledby="report-title">
      <h2 id="report-title">{Table.say(report.title, lang)}</h2>
      <p>
        {say(`기간 ${report.period.from} ~ ${report.period.to} · 기준일 ${report.asOf}`, `Period ${report.period.from} to ${report.period.to} · as of ${report.asOf}`)}
      </p>
      <p class="report-files">
        <a class="krds-btn secondary small" href={files.xlsx} download>
          {say("엑셀(XLSX) 내려받기", "Download XLSX")}
        </a>
      </p>
      {report.highlights.length === 0 ? null : (
        <ul class="report-highlights">
          {report.highlights.map((h) => (
            <li class="card">
              <span>{Table.say(h.label, lang)}</span>
              <strong class="figure">{h.actual.toLocaleString("en-US")}</strong>
              {h.target === undefined ? null : (
                <span>{`${Table.say(h.targetLabel ?? { ko: "목표", en: "target" }, lang)} ${h.target.toLocaleString("en-US")}`}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {report.tables.map((table, i) => (
        <section class="report-table" aria-labelledby={`table-${table.id}`}>
          <h3 id={`table-${table.id}`}>{Table.say(table.title, lang)}</h3>
          <div class="report-pair">
            {charts[i] === undefined ? null : (
              // The table beside it says the same to a screen reader.
              <figure aria-hidden="true" class="report-chart" dangerouslySetInnerHTML={{ __html: charts[i]! }} />
            )}
            <DataTable
              caption={Table.say(table.title, lang)}
              hideCaption
              head={table.columns.map((c) => <th scope="col">{Table.say(c.label, lang)}</th>)}
            >
              {table.rows.map((row) => (
                <tr class={row.total === true ? "total" : undefined}>
                  {table.columns.map((c) => <td class={c.kind === "text" ? undefined : "num ar"}>{Table.display(c, row.cells[c.key], lang)}</td>)}
                </tr>
              ))}
            </DataTable>
          </div>
          {(table.notes ?? []).map((note) => <p class="report-note">{Table.say(note, lang)}</p>)}
          <p>
            <a href={files.csv(table.id)} download>
              {say(`「${Table.say(table.title, "ko")}」 CSV 내려받기`, `Download "${Table.say(table.title, "en")}" as CSV`)}
            </a>
          </p>
        </section>
      ))}
    </section>
  )
}
