import { describe, expect, it } from "@effect/vitest"
import { partsOf } from "../src/pages/imports/Upload.js"

const multipart = async (form: FormData) => {
  const request = new Request("http://app.invalid/", { method: "POST", body: form })
  return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) }
}

describe("reading the import form", () => {
  it("keeps a file whose name is Korean, with its bytes intact, beside the fields", async () => {
    const form = new FormData()
    form.append("ledger", "seekers")
    form.append("map.name", "성 명")
    // Bytes that look like a line break and a delimiter's dashes must stay inside the file.
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00])
    form.append("file", new Blob([bytes]), "성동구 구직자 명단.xlsx")
    form.append("encoding", "cp949")
    const { body, contentType } = await multipart(form)
    const parts = partsOf(body, contentType)!
    expect(parts.map((p) => p._tag === "Field" ? [p.name, p.value] : [p.name, p.filename, [...p.bytes]])).toEqual([
      ["ledger", "seekers"],
      ["map.name", "성 명"],
      ["file", "성동구 구직자 명단.xlsx", [...bytes]],
      ["encoding", "cp949"]
    ])
  })

  it("reads no file chosen as an empty file part, and refuses what is no multipart body", async () => {
    const form = new FormData()
    form.append("file", new Blob([]), "")
    const { body, contentType } = await multipart(form)
    const parts = partsOf(body, contentType)!
    expect(parts.map((p) => p.name)).toEqual(["file"])
    expect(parts.some((p) => p._tag === "File" && p.bytes.length > 0)).toBe(false)
    expect(partsOf(new TextEncoder().encode("ledger=seekers"), "application/x-www-form-urlencoded")).toBeUndefined()
    expect(partsOf(new TextEncoder().encode("--x\r\nno end"), "multipart/form-data; boundary=x")).toBeUndefined()
  })
})
