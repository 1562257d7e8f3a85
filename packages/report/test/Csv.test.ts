import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as Budget from "../src/Budget.js"
import * as Csv from "../src/Csv.js"
import type * as Table from "../src/Table.js"
import { marchReport, seedBudget } from "./report.js"

const budget = Budget.table(Either.getOrThrow(Budget.make(seedBudget)))

describe("Csv", () => {
  it("writes the seeds' budget table in UTF-8 with a byte-order mark, CRLF and Korean headers", () => {
    const csv = Csv.table(budget)
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv).toBe(
      "\uFEFF단위사업명,예산액(천원),집행액(천원),잔액(천원),집행률\r\n" +
        "계,3249090,2227790,1021300,68.5%\r\n" +
        "취업활동지원,1229775,830446,399329,67.5%\r\n" +
        "지역일자리사업지원,1887159,1301295,585864,68.9%\r\n" +
        "행정운영경비,76783,46639,30144,60.7%\r\n" +
        "인력운영비,55373,49410,5963,89.2%\r\n"
    )
  })

  it("writes English on request and quotes fields as RFC 4180 says", () => {
    const csv = Csv.table(budget, { language: "en", bom: false })
    expect(csv.split("\r\n")[0]).toBe("Unit project,\"Budget (₩1,000)\",\"Spent (₩1,000)\",\"Remaining (₩1,000)\",Execution rate")
    expect(csv.split("\r\n")[1]).toBe("Total,3249090,2227790,1021300,68.5%")
    const tricky: Table.Table = {
      id: "t",
      title: { ko: "t", en: "t" },
      columns: [{ key: "a", label: { ko: "가", en: "a" }, kind: "text" }, { key: "b", label: { ko: "나", en: "b" }, kind: "percent" }],
      rows: [{ cells: { a: "say \"hi\", then\nleave", b: undefined } }]
    }
    expect(Csv.table(tricky, { bom: false })).toBe("가,나\r\n\"say \"\"hi\"\", then\nleave\",\r\n")
  })

  it("never lets a spreadsheet run text as a formula, and keeps negative numbers as numbers", () => {
    const table: Table.Table = {
      id: "t",
      title: { ko: "t", en: "t" },
      columns: [{ key: "name", label: { ko: "행사명", en: "Fair" }, kind: "text" }, { key: "gap", label: { ko: "차이", en: "Gap" }, kind: "percent" }],
      rows: [
        { cells: { name: "=HYPERLINK(\"http://x\",\"y\")", gap: -0.204 } },
        { cells: { name: { ko: "@SUM(A1)", en: "+1" }, gap: 0.1 } },
        { cells: { name: "-", gap: undefined } }
      ]
    }
    expect(Csv.table(table, { bom: false })).toBe(
      "행사명,차이\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-20.4%\r\n'@SUM(A1),10.0%\r\n'-,\r\n"
    )
  })

  it.effect("writes one file per table of a report", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      const files = Csv.files(report)
      expect(files.map((f) => f.name)).toEqual(report.tables.map((t) => `${t.id}.csv`))
      expect(files.every((f) => f.content.startsWith(Csv.bom))).toBe(true)
    }))
})
