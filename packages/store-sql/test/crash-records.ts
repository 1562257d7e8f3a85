// The records the port's crash test imports: 30,000 seekers from sheet row 3,
// with an invalid row now and then and a second record of the person on the
// row before.
import type { ImportStore } from "@iljari/core"
import { seekerRow } from "@iljari/test-support/rows"

export const portRows = 30_000

/** Whether record `i` is refused: an invalid phone, or the person of record `i - 1` again. */
export const refused = (i: number) => i % 97 === 5 || (i % 101 === 7 && (i - 1) % 97 !== 5)

export function* portRecords(): Generator<ImportStore.NumberedRecord> {
  for (let i = 0; i < portRows; i++) {
    const record = i % 97 === 5
      ? { ...seekerRow(i), contact: { phone: "12345" } }
      : i % 101 === 7
      ? { ...seekerRow(i), name: seekerRow(i - 1).name, contact: seekerRow(i - 1).contact }
      : seekerRow(i)
    yield { row: i + 3, record: { ...record, districtId: "11200" } }
  }
}
