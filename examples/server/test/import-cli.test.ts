/**
 * `npm run import` and `npm run export` as a district runs them: child
 * processes on a real SQLite file and a real PostgreSQL database, with
 * spreadsheets the test writes with real writers (exceljs with a merged title
 * row and date cells; a CP949 CSV), bad rows of every kind, a kill -9 in the
 * middle of a commit, and a round trip through the exported file.
 */
import { Csv, Xlsx } from "@iljari/sheets"
import { describePostgres } from "@iljari/test-support/inject"
import Database from "better-sqlite3"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "iljari-import-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly out: string
  readonly err: string
}

const command = (script: "import" | "export", args: ReadonlyArray<string>, env: Record<string, string>, killWhen?: () => boolean) =>
  new Promise<Run>((resolve) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=@iljari/source", join(root, `examples/server/src/${script}.ts`), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    let err = ""
    proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()))
    proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()))
    const watch = killWhen === undefined ? undefined : setInterval(() => killWhen() && proc.kill("SIGKILL"), 5)
    proc.on("exit", (code, signal) => {
      if (watch !== undefined) clearInterval(watch)
      resolve({ code, signal, out, err })
    })
  })

// The seekers list as an office keeps it: a merged title, Korean headers,
// Excel date cells, a phone stored as a number, and a bad row of every kind.
const seekersXlsx = async (file: string) => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("구직자 명단")
  sheet.mergeCells("A1:I1")
  sheet.getCell("A1").value = "2016년 성동구 일자리센터 구직자 명단"
  sheet.addRow(["성 명", "생년월일", "휴대폰", "주소", "희망직종", "최종학력", "경력", "접수일", "비고"])
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
  sheet.addRow(["홍길동", day(1980, 3, 2), 1012345678, "서울특별시 성동구 왕십리로 222", "5511", "고졸", "3년 2개월", day(2016, 3, 2), null]) // 3
  sheet.addRow(["김영희", day(1975, 5, 14), "010-2222-3333", "성동구", "5511, 56", "대졸", null, day(2016, 3, 3), "야간 가능"]) // 4
  sheet.addRow(["이철수", day(1990, 1, 1), "010-3333-4444", "성동구", "5511", "고졸", null, day(2016, 3, 2), "주민번호 900101-1234567"]) // 5: RRN in notes
  sheet.addRow(["박민수", day(1985, 5, 5), "12-34", "성동구", "5511", "고졸", null, day(2016, 3, 2), null]) // 6: bad phone
  sheet.addRow(["최지은", day(1992, 2, 2), "010-5555-6666", "성동구", "우주비행사", "고졸", null, day(2016, 3, 2), null]) // 7: unknown occupation
  sheet.addRow(["홍길동", day(1980, 3, 2), "010-9999-8888", "성동구", "5511", "고졸", null, day(2016, 3, 4), null]) // 8: the same person as row 3
  for (const row of [2, 3, 4, 5, 6, 7, 8]) sheet.getCell(`B${row}`).numFmt = "yyyy-mm-dd"
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()))
}

const employersXlsx = (file: string) =>
  Effect.runPromise(Xlsx.write([{
    name: "구인업체",
    headers: ["사업장명", "사업자등록번호", "소재지", "상시근로자수", "모집직종", "직종코드", "채용인원", "임금", "고용형태", "접수일"],
    rows: [["성수디지털(주)", "124-81-00998", "서울 성동구 성수이로 113", 12, "경비원", "5611", 2, "2,100,000원", "상용직", new Date(Date.UTC(2016, 2, 3))]]
  }])).then((bytes) => writeFileSync(file, bytes))

// The placements ledger in CP949, as older Excel saves CSV: one row names nobody registered.
const placementsCsv = (file: string) =>
  writeFileSync(file, Csv.write({
    name: "취업자",
    headers: ["성명", "생년월일", "사업자등록번호", "취업일", "고용형태", "임금"],
    rows: [
      ["홍길동", "1980.3.2", "1248100998", "2016.4.1", "상용직", "2,100,000원"],
      ["없는사람", "1999.9.9", "1248100998", "2016.4.1", "상용직", null]
    ]
  }, { encoding: "cp949" }))

const flows = (name: string, storage: () => Promise<{ readonly env: Record<string, string>; readonly count: (table: string) => Promise<number> }>) =>
  describe(name, () => {
    it("previews with every bad row by the sheet's own number, commits the good ones, and a rerun adds nothing", async () => {
      const { count, env } = await storage()
      const seekers = join(dir, `${name}-seekers.xlsx`)
      await seekersXlsx(seekers)

      const preview = await command("import", [seekers], env)
      expect(preview.code, preview.err).toBe(1)
      expect(preview.out).toContain("머리글 2행")
      for (const line of ["5행 [비고] 주민등록번호는 입력할 수 없습니다", "6행 [휴대폰] 전화번호가 아닙니다", "7행 [희망직종] 알 수 없는 직종입니다", "8행 3행과 같은 기록입니다"]) {
        expect(preview.out).toContain(line)
      }
      expect(await count("iljari_seekers")).toBe(0)

      const committed = await command("import", [seekers, "--commit"], env)
      expect(committed.out, committed.err).toContain("새 구직자 2")
      expect(await count("iljari_seekers")).toBe(2)
      const again = await command("import", [seekers, "--commit", "--lang", "en"], env)
      expect(again.out).toContain("new seekers 0, already imported seekers 2")
      expect(await count("iljari_seekers")).toBe(2)

      const employers = join(dir, `${name}-employers.xlsx`)
      await employersXlsx(employers)
      expect((await command("import", [employers, "--commit"], env)).code).toBe(0)
      const placements = join(dir, `${name}-placements.csv`)
      placementsCsv(placements)
      const placed = await command("import", [placements, "--commit"], env)
      expect(placed.out).toContain("3행 등록된 구직자가 없습니다(없는사람, 1999-09-09)")
      expect(placed.out).toContain("새 취업 1")
      expect(await count("iljari_placements")).toBe(1)
    })
  })

flows("npm run import on SQLite", async () => {
  const file = join(dir, `sqlite-${Date.now()}.db`)
  return {
    env: { ILJARI_DB: file, DATABASE_URL: "" },
    count: async (table) => {
      const db = new Database(file, { readonly: true })
      try {
        return Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n)
      } finally {
        db.close()
      }
    }
  }
})

describePostgres("npm run import on PostgreSQL", (serverUrl) => {
  let databases = 0
  flows("a new database", async () => {
    const name = `iljari_cli_${process.pid}_${++databases}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString()
    return {
      env: { DATABASE_URL: url },
      count: async (table) => {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        try {
          return Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n)
        } finally {
          await client.end()
        }
      }
    }
  })
})

describe("npm run import, killed and run again", () => {
  it("prints its help", async () => {
    const help = await command("import", ["--help"], {})
    expect(help.code).toBe(0)
    expect(help.out).toContain("usage: npm run import -- <file.xlsx | file.csv>")
    const wrong = await command("import", ["--ledger", "nonsense", "x.xlsx"], {})
    expect(wrong.code).toBe(2)
  })

  it("leaves whole batches when killed with SIGKILL mid-commit, and a rerun leaves every good row exactly once", async () => {
    const rows = 10_000
    const file = join(dir, "many.xlsx")
    const db = join(dir, "killed.db")
    const bytes = await Effect.runPromise(Xlsx.write([{
      name: "구직자",
      headers: ["성명", "생년월일", "연락처", "거주지", "희망직종", "학력", "등록일"],
      rows: Array.from({ length: rows }, (_, i) => [
        `구직자${i}`,
        `19${String(50 + (i % 50)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 9}`,
        `010-${String(1000 + Math.floor(i / 10)).slice(-4)}-${String(i).padStart(4, "0").slice(-4)}`,
        "성동구",
        "5511",
        "고졸",
        "2016-03-02"
      ])
    }]))
    writeFileSync(file, bytes)
    const counted = () => {
      try {
        const reader = new Database(db, { readonly: true, fileMustExist: true })
        try {
          return Number((reader.prepare("SELECT COUNT(*) AS n FROM iljari_seekers").get() as { n: number }).n)
        } finally {
          reader.close()
        }
      } catch {
        return 0
      }
    }
    const env = { ILJARI_DB: db, DATABASE_URL: "" }
    const killed = await command("import", [file, "--commit"], env, () => counted() >= 1_500)
    expect(killed.signal, killed.out + killed.err).toBe("SIGKILL")
    const after = counted()
    expect(after).toBeGreaterThan(0)
    expect(after).toBeLessThan(rows)
    expect(after % 500).toBe(0) // whole batches only

    const rerun = await command("import", [file, "--commit"], env)
    expect(rerun.out, rerun.err).toContain(`새 구직자 ${rows - after}, 이미 가져온 구직자 ${after}`)
    const reader = new Database(db, { readonly: true })
    const { n, names } = reader.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS names FROM iljari_seekers").get() as { n: number; names: number }
    reader.close()
    expect([n, names]).toEqual([rows, rows])
  }, 180_000)

  it("exports the ledger in the shape it imports", async () => {
    const db = join(dir, "killed.db")
    const out = join(dir, "export.csv")
    const exported = await command("export", ["seekers", out], { ILJARI_DB: db, DATABASE_URL: "" })
    expect(exported.code, exported.err).toBe(0)
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(readFileSync(out))
    expect(text.startsWith("\uFEFF성명,생년월일,")).toBe(true)
    expect(text.split("\r\n").filter((line) => line.length > 0)).toHaveLength(10_001)
  }, 120_000)
})
