/**
 * The one error of the readers: a file that cannot be read as the format it
 * was handed over as — a corrupt or non-XLSX file, a workbook without a
 * worksheet, a CSV with an unbalanced quote, an empty file. Readers never
 * die on a file; they fail with {@link UnreadableFile}, which names the
 * format and why, in English with the Korean a counselor sees in parentheses.
 *
 * @example
 * ```ts
 * import { Xlsx } from "@iljari/sheets"
 * import { Effect } from "effect"
 *
 * declare const bytes: Uint8Array
 * const sheets = Xlsx.read(bytes).pipe(
 *   Effect.catchTag("UnreadableFile", (error) => Effect.fail(error.message))
 * )
 * ```
 *
 * @since 0.4.0
 * @module
 */
import { Schema } from "effect"

const korean = { xlsx: "엑셀 파일을 읽을 수 없습니다", csv: "CSV 파일을 읽을 수 없습니다" } as const

/**
 * A file that cannot be read as XLSX or CSV; `reason` says why.
 *
 * @since 0.4.0
 * @category errors
 */
export class UnreadableFile extends Schema.TaggedError<UnreadableFile>()("UnreadableFile", {
  format: Schema.Literal("xlsx", "csv"),
  reason: Schema.String
}) {
  override get message(): string {
    return `Could not read the file as ${this.format.toUpperCase()}: ${this.reason} (${korean[this.format]})`
  }
}
