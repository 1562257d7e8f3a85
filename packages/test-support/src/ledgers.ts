/**
 * A district's four spreadsheet ledgers as the import tests read them: a
 * seekers list under a title row with a bad row of every kind, employers with
 * openings (one with a bad business number), placements (one naming nobody,
 * one an unknown employer) and follow-up checks, and the district they make
 * once a referral of 홍길동 to the 경비원 opening is under way. Today is
 * 2026-12-04 for all of them.
 */
import { JobCenter, Repositories, SheetImport, type Ids, type Sheet } from "@iljari/core"
import { Effect, TestClock } from "effect"

type Cell = Sheet.Cell

/** A sheet of rows numbered from `firstRow`. */
export const sheetOf = (name: string, rows: ReadonlyArray<ReadonlyArray<Cell>>, firstRow = 1): Sheet.Sheet => ({
  name,
  rows: rows.map((cells, i) => ({ row: firstRow + i, cells }))
})

/** Rows 3 and 4 are good; 5 has a resident number in 비고, 6 a bad phone, 7 an unknown occupation, 8 repeats 3, 9 lacks 희망직종. */
export const seekerSheet = sheetOf("구직자", [
  ["2016년 성동구 구직자 명단"],
  ["성 명", "생년월일", "휴대폰", "주소", "희망직종", "최종학력", "경력", "접수일", "담당자", "비고"],
  ["홍길동", "1980.3.2", 1012345678, "서울특별시 성동구 왕십리로 222", "5511", "고졸", "3년 2개월", "2016.3.2", "박상담", null],
  ["김영희", new Date(Date.UTC(1975, 4, 14)), "010-2222-3333", "성동구", "5511, 56", "대졸", null, 42431, null, "야간 가능"],
  ["이철수", "1990-01-01", "010-3333-4444", "성동구", "5511", "고졸", null, "2016-03-02", null, "주민번호 900101-1234567"],
  ["박민수", "1985-05-05", "12-34", "성동구", "5511", "고졸", null, "2016-03-02", null, null],
  ["최지은", "1992-02-02", "010-5555-6666", "성동구", "우주비행사", "고졸", null, "2016-03-02", null, null],
  ["홍길동", "1980-03-02", "010-9999-8888", "성동구", "5511", "고졸", null, "16/03/02", null, null],
  ["정수민", "1988-08-08", "010-7777-6666", "성동구", null, "고졸", null, "2016-03-02", null, null]
])

/** Rows 2–4 are good (two openings of one employer, an employer alone); row 5's business number is wrong. */
export const employerSheet = sheetOf("구인업체", [
  ["사업장명", "사업자등록번호", "소재지", "상시근로자수", "채용담당자", "담당자연락처", "모집직종", "직종코드", "채용인원", "임금", "고용형태", "접수일", "마감일"],
  ["성수디지털(주)", "1248100998", "서울 성동구 성수이로 113", 12, "이영희(인사담당)", "02-123-4567", "경비원", "5611", 2, "2,100,000원", "상용직", "2026.11.2", "2026.12.31"],
  ["성수디지털(주)", "124-81-00998", "성동구", 12, "이영희(인사담당)", "02-123-4567", "청소원", "5621", 1, "1,900,000~2,000,000원", "계약직", "2026.11.2", null],
  ["왕십리식당", "220-81-62517", "성동구", 3, null, "02-2222-3333", null, null, null, null, null, null, null],
  ["엉터리상사", "123-45-67890", "성동구", 3, null, null, null, null, null, null, null, null, null]
])

/** Header on row 3: rows 4–5 are good (5 written as a referral with none found), 6 names nobody, 7 an unknown employer. */
export const placementSheet = sheetOf("취업자", [
  ["성명", "생년월일", "사업장명", "사업자등록번호", "취업일", "고용형태", "임금", "취업구분"],
  ["홍길동", "1980-03-02", "성수디지털(주)", "124-81-00998", "2026-11-02", "상용직", "2,100,000", "센터알선"],
  ["김영희", "1975-05-14", "성수디지털(주)", "124-81-00998", "2026-11-09", "계약직", null, "센터알선"],
  ["없는사람", "1999-09-09", "성수디지털(주)", "124-81-00998", "2026-11-09", "계약직", null, null],
  ["홍길동", "1980-03-02", "없는회사", "101-81-12341", "2026-11-02", "상용직", null, null]
], 3)

/** Rows 2–3 are good (3 a quit); row 4's 차수 is beyond the policy. */
export const followUpSheet = sheetOf("사후관리", [
  ["성명", "생년월일", "사업자등록번호", "차수", "사후관리일", "방법", "결과", "비고"],
  ["홍길동", "1980-03-02", "124-81-00998", "1차", "2026.12.1", "전화", "재직", "잘 다니고 있음"],
  ["김영희", "1975-05-14", "124-81-00998", "1차", "2026.12.3", "문자", "퇴사", null],
  ["김영희", "1975-05-14", "124-81-00998", "5차", "2026.12.3", "문자", "재직", null]
])

/** Imports the seekers and employers and puts a referral of 홍길동 to the 경비원 opening to interview. */
export const district = (
  actor: JobCenter.Actor
): Effect.Effect<
  { readonly hongId: Ids.SeekerId; readonly referralId: Ids.ReferralId },
  unknown,
  Repositories.Ports | Repositories.IdGenerator
> =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.parse("2026-12-04T01:00:00Z"))
    yield* SheetImport.commit(actor, { ledger: "seekers", sheet: seekerSheet })
    yield* SheetImport.commit(actor, { ledger: "employers", sheet: employerSheet })
    const hong = (yield* (yield* Repositories.SeekerRepository).list(actor.districtId)).find(({ value }) => value.name === "홍길동")!.value
    const guard = (yield* (yield* Repositories.OpeningRepository).list(actor.districtId)).find(({ value }) => value.title === "경비원")!.value
    yield* TestClock.setTime(Date.parse("2026-11-01T01:00:00Z"))
    const proposed = yield* JobCenter.proposeReferral(actor, { seekerId: hong.id, openingId: guard.id as Ids.OpeningId })
    yield* JobCenter.moveReferral(actor, { referralId: proposed.value.id, to: "sent", expectedVersion: 1 })
    yield* JobCenter.moveReferral(actor, { referralId: proposed.value.id, to: "interviewing", expectedVersion: 2 })
    yield* TestClock.setTime(Date.parse("2026-12-04T01:00:00Z"))
    return { hongId: hong.id, referralId: proposed.value.id }
  })


/**
 * A district's records as an export round trip keeps them: each kind's
 * records as sorted JSON, ids and the district left out and references
 * written as what they name (a seeker's, an employer's, a counselor's name).
 * A placement's referral is left out too: referrals are not a ledger, so in
 * another district a placement is the seeker's own find.
 */
export const snapshot = (
  districtId: Ids.DistrictId
): Effect.Effect<Record<string, ReadonlyArray<string>>, unknown, Repositories.Ports> =>
  Effect.gen(function*() {
    const seekers = yield* Effect.flatMap(Repositories.SeekerRepository, (repo) => repo.list(districtId))
    const employers = yield* Effect.flatMap(Repositories.EmployerRepository, (repo) => repo.list(districtId))
    const counselors = yield* Effect.flatMap(Repositories.CounselorRepository, (repo) => repo.list(districtId))
    const name = new Map<string, string>([
      ...seekers.map(({ value }) => [value.id, value.name] as const),
      ...employers.map(({ value }) => [value.id, value.name] as const),
      ...counselors.map(({ value }) => [value.id, value.name] as const)
    ])
    const named = (id: string | undefined) => (id === undefined ? undefined : name.get(id) ?? `unknown ${id}`)
    const plain = <A>(rows: ReadonlyArray<{ readonly value: A }>, strip: (a: A) => unknown) =>
      rows.map(({ value }) => JSON.stringify(strip(value))).sort()
    return {
      seekers: plain(seekers, ({ id: _i, districtId: _d, counselorId, ...rest }) => ({ ...rest, counselor: named(counselorId) })),
      employers: plain(employers, ({ id: _i, districtId: _d, ...rest }) => rest),
      openings: plain(
        yield* Effect.flatMap(Repositories.OpeningRepository, (repo) => repo.list(districtId)),
        ({ id: _i, districtId: _d, employerId, ...rest }) => ({ ...rest, employer: named(employerId) })
      ),
      placements: plain(
        yield* Effect.flatMap(Repositories.PlacementRepository, (repo) => repo.list(districtId)),
        ({ id: _i, districtId: _d, seekerId, employerId, counselorId, referralId: _r, openingId: _o, verification: _v, countsForCenter: _c, ...rest }) => ({
          ...rest,
          seeker: named(seekerId),
          employer: named(employerId),
          counselor: named(counselorId)
        })
      ),
      followUps: plain(
        yield* Effect.flatMap(Repositories.FollowUpRepository, (repo) => repo.list(districtId)),
        ({ id: _i, districtId: _d, seekerId, placementId: _p, counselorId, ...rest }) => ({ ...rest, seeker: named(seekerId), counselor: named(counselorId) })
      )
    }
  })
