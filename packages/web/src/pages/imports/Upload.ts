/**
 * The import form as posted: its fields and the file, read from the
 * multipart body in memory for this request only — never written to disk or
 * kept after the answer — up to the body limit the server set for the route
 * (`MaxBodySize`; the example server's edge raises it for the import routes).
 * A body declared larger is refused before a byte is read.
 *
 * The body is split by busboy rather than by @effect/platform's multipart
 * reader: its parser (multipasta 0.2) drops the name of a part whose file
 * name is not ASCII — and browsers send a Korean file name (`구직자
 * 명단.xlsx`) as raw UTF-8 — so the file would arrive as a nameless text
 * field.
 */
import { HttpIncomingMessage, HttpServerRequest } from "@effect/platform"
import busboy from "busboy"
import type { Sheet } from "@iljari/core"
import { Csv, Xlsx } from "@iljari/sheets"
import { Effect, Either, Option } from "effect"
import { type Form, formOf } from "../../http/Form.js"
import type { Encoding } from "./ImportPage.js"

export interface Upload {
  readonly fields: Form
  /** The chosen file; `undefined` when none was chosen. */
  readonly file: { readonly name: string; readonly bytes: Uint8Array } | undefined
}

/** Why the body could not be read: over the limit (in bytes), or not a form post at all. */
export type UploadProblem =
  | { readonly _tag: "TooLarge"; readonly limit: number }
  | { readonly _tag: "Unreadable" }

/** The body limit in force for this request, in bytes (`undefined`: none). */
export const bodyLimit = Effect.map(HttpIncomingMessage.MaxBodySize, (size) => Option.getOrUndefined(Option.map(size, Number)))

/** A part of a multipart body: a field's text, or a file's bytes and name. */
export type Part =
  | { readonly _tag: "Field"; readonly name: string; readonly value: string }
  | { readonly _tag: "File"; readonly name: string; readonly filename: string; readonly bytes: Uint8Array }

/**
 * The parts of a `multipart/form-data` body (RFC 7578), through busboy, with
 * names and file names read as UTF-8 as browsers send them; `undefined` when
 * the body is not one.
 */
export const partsOf = (body: Uint8Array, contentType: string): Promise<ReadonlyArray<Part> | undefined> =>
  new Promise((resolve) => {
    if (!/^multipart\/form-data\s*;/i.test(contentType)) return resolve(undefined)
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8" })
    } catch {
      return resolve(undefined) // not a multipart content type, or no boundary
    }
    const parts: Array<Part> = []
    const pending: Array<Promise<void>> = []
    parser.on("field", (name, value) => void parts.push({ _tag: "Field", name, value }))
    parser.on("file", (name, stream, info) => {
      const chunks: Array<Buffer> = []
      const at = parts.push({ _tag: "File", name, filename: info.filename ?? "", bytes: new Uint8Array() }) - 1
      stream.on("data", (chunk: Buffer) => void chunks.push(chunk))
      pending.push(new Promise((done) => stream.on("end", () => {
        parts[at] = { _tag: "File", name, filename: info.filename ?? "", bytes: new Uint8Array(Buffer.concat(chunks)) }
        done()
      })))
    })
    parser.on("error", () => resolve(undefined))
    parser.on("close", () => void Promise.all(pending).then(() => resolve(parts)))
    parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength))
  })

/** The posted form and its file, or why it could not be read. */
export const readUpload: Effect.Effect<Either.Either<Upload, UploadProblem>, never, HttpServerRequest.HttpServerRequest> = Effect.gen(
  function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const limit = yield* bodyLimit
    const declared = Number(request.headers["content-length"] ?? "NaN")
    if (limit !== undefined && Number.isFinite(declared) && declared > limit) return Either.left({ _tag: "TooLarge", limit } as const)
    const contentType = request.headers["content-type"] ?? ""
    if (!contentType.startsWith("multipart/form-data")) return Either.left({ _tag: "Unreadable" } as const)
    // Read up to the limit (the request stops reading past it).
    const body = yield* Effect.either(request.arrayBuffer)
    if (Either.isLeft(body)) return Either.left(limit === undefined ? { _tag: "Unreadable" } as const : { _tag: "TooLarge", limit } as const)
    const parts = yield* Effect.promise(() => partsOf(new Uint8Array(body.right), contentType))
    if (parts === undefined) return Either.left({ _tag: "Unreadable" } as const)
    const fields = parts.flatMap((part) => part._tag === "Field" ? [[part.name, part.value] as const] : [])
    const chosen = parts.find((part): part is Extract<Part, { _tag: "File" }> => part._tag === "File" && part.name === "file")
    const file = chosen === undefined || chosen.filename === "" || chosen.bytes.length === 0
      ? undefined
      : { name: chosen.filename, bytes: chosen.bytes }
    return Either.right({ fields: formOf(fields), file })
  }
)

/** Why a file is not a sheet: its kind, or what its reader said. */
export type SheetProblem =
  | { readonly _tag: "NotASpreadsheet" }
  | { readonly _tag: "Unreadable"; readonly format: "xlsx" | "csv"; readonly reason: string }

const extensionOf = (name: string) => name.toLowerCase().split(".").pop() ?? ""

/** The file's sheets: every worksheet of an XLSX workbook, or the one of a CSV file, read in `encoding`. */
export const sheetsOf = (
  file: { readonly name: string; readonly bytes: Uint8Array },
  encoding: Encoding
): Effect.Effect<ReadonlyArray<Sheet.Sheet>, SheetProblem> => {
  const extension = extensionOf(file.name)
  const unreadable = (error: { readonly format: "xlsx" | "csv"; readonly reason: string }): SheetProblem => ({
    _tag: "Unreadable",
    format: error.format,
    reason: error.reason
  })
  if (extension === "xlsx") return Effect.mapError(Xlsx.read(file.bytes), unreadable)
  if (extension === "csv" || extension === "txt") {
    const name = file.name.replace(/\.[^.]*$/, "")
    return Effect.mapError(Effect.map(Csv.read(file.bytes, { encoding, name }), (sheet) => [sheet]), unreadable)
  }
  return Effect.fail({ _tag: "NotASpreadsheet" })
}
