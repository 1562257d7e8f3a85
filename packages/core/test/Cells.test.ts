import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { Cells, Contact, LocalDate, Mapping } from "../src/index.js"

const right = <A>(result: Either.Either<A, Cells.Problem>) => Either.getOrThrowWith(result, (p) => new Error(p.en))

describe("dates as Korean offices write them", () => {
  it.each([
    ["2016.3.2", "2016-03-02"],
    ["2016. 3. 2.", "2016-03-02"],
    ["2016-03-02", "2016-03-02"],
    ["2016/03/02", "2016-03-02"],
    ["16/03/02", "2016-03-02"],
    ["16.03.02", "2016-03-02"],
    ["20160302", "2016-03-02"],
    ["2016년 3월 2일", "2016-03-02"],
    ["65.05.14", "1965-05-14"]
  ])("reads %j as %s", (written, expected) => {
    expect(right(Cells.date(written, 2026))).toBe(expected)
  })

  it("reads Excel serials and date cells as the day they show", () => {
    expect(right(Cells.date(42431, 2026))).toBe("2016-03-02")
    expect(right(Cells.date(new Date(Date.UTC(2016, 2, 2)), 2026))).toBe("2016-03-02")
  })

  it("says what it got for what is not a date, in Korean and English", () => {
    const problem = Either.flip(Cells.date("2016-02-30", 2026))
    expect(Either.getOrThrow(problem).ko).toContain("날짜가 아닙니다")
    expect(Either.getOrThrow(problem).en).toContain("\"2016-02-30\"")
    expect(Either.isLeft(Cells.date("내일", 2026))).toBe(true)
  })

  it("reads every day from 1900-03-01 to 2100 the same as text, serial and date cell", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 73_415 }), (serial) => {
      const day = right(Cells.date(serial, 2026))
      const { day: d, month, year } = LocalDate.parts(day)
      expect(right(Cells.date(`${year}.${month}.${d}`, 2026))).toBe(day)
      expect(right(Cells.date(new Date(Date.UTC(year, month - 1, d)), 2026))).toBe(day)
    }))
  })
})

describe("phones, amounts and careers", () => {
  it("restores the zero a number cell lost", () => {
    expect(right(Cells.phone(1012345678))).toBe("010-1234-5678")
    expect(right(Cells.phone("1012345678"))).toBe("010-1234-5678")
    expect(right(Cells.phone(222865000))).toBe("02-2286-5000")
    expect(right(Cells.phone("010 1234 5678"))).toBe("010-1234-5678")
    expect(Either.isLeft(Cells.phone("1234"))).toBe(true)
  })

  it("restores the zero of every mobile number stored as a number", () => {
    fc.assert(fc.property(fc.stringMatching(/^10\d{8}$/), (digits) => {
      expect(right(Cells.phone(Number(digits)))).toBe(Contact.normalizePhone(`0${digits}`))
    }))
  })

  it("reads amounts with commas and 원, and in 만원", () => {
    expect(right(Cells.won("1,500,000원"))).toBe(1_500_000)
    expect(right(Cells.won("150만원"))).toBe(1_500_000)
    expect(right(Cells.won(2_100_000))).toBe(2_100_000)
    expect(Either.isLeft(Cells.won("협의"))).toBe(true)
  })

  it("reads careers in years and months", () => {
    expect(right(Cells.months("3년 2개월"))).toBe(38)
    expect(right(Cells.months("6개월"))).toBe(6)
    expect(right(Cells.months(14))).toBe(14)
  })
})

describe("resident registration numbers", () => {
  it("gives the birth date, with the century from the seventh digit", () => {
    expect(Cells.birthDateOfResidentNumber("800302-1234567")).toBe("1980-03-02")
    expect(Cells.birthDateOfResidentNumber("０５０３０２－３２３４５６７")).toBe("2005-03-02")
    expect(Cells.birthDateOfResidentNumber("8003021234567")).toBe("1980-03-02")
    expect(Cells.birthDateOfResidentNumber("홍길동")).toBeUndefined()
  })
})

describe("mapping a sheet's columns", () => {
  const seekers = Mapping.ledgers.seekers

  it("finds the header under a merged title row and suggests a mapping from Korean headers", () => {
    const found = Mapping.table({
      name: "명단",
      rows: [
        { row: 1, cells: ["2016년 성동구 구직자 명단"] },
        { row: 2, cells: ["작성: 일자리센터", null, null] },
        { row: 3, cells: ["순번", "성 명", "생년월일", "휴대폰", "주소", "희망직종", "최종학력", "접수일"] },
        { row: 4, cells: [1, "홍길동", "1980.3.2", 1012345678, "서울 성동구", "5511", "고졸", "2016-03-02"] }
      ]
    }, seekers)
    expect(found?.headerRow).toBe(3)
    const suggested = Mapping.suggest(seekers, found!.headers)
    expect(suggested).toMatchObject({
      name: "성 명",
      birthDate: "생년월일",
      phone: "휴대폰",
      addressRegion: "주소",
      desiredOccupations: "희망직종",
      education: "최종학력",
      registeredAt: "접수일"
    })
    expect(Mapping.check(seekers, found!.headers, { columns: suggested, residentNumber: "refuse" }).problems).toEqual([])
  })

  it("refuses a resident registration number column unless the birth date is read from it", () => {
    const headers = ["성명", "주민등록번호", "주소", "희망직종", "학력", "등록일"]
    const columns = Mapping.suggest(seekers, headers)
    const refused = Mapping.check(seekers, headers, { columns, residentNumber: "refuse" })
    expect(refused.residentNumber).toBe("refused")
    expect(refused.problems.map((p) => p.ko).join()).toContain("주민등록번호를 저장하지 않습니다")
    const derived = Mapping.check(seekers, headers, { columns, residentNumber: "birthDate" })
    expect(derived).toEqual({ problems: [], residentNumber: "birthDate" })
  })

  it("names a missing required field and a header used twice", () => {
    const headers = ["성명", "연락처"]
    const { problems } = Mapping.check(seekers, headers, { columns: { name: "성명", phone: "성명" }, residentNumber: "refuse" })
    expect(problems.map((p) => p.en).join("\n")).toMatch(/mapped to two fields/)
    expect(problems.map((p) => p.ko).join("\n")).toMatch(/필수 항목 '희망직종'/)
  })
})
