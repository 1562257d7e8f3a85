/**
 * What an import of the placements or the follow-up ledger links its rows
 * to: the district's seekers (by name with birth date or phone, as
 * registration finds a duplicate), employers (by business number or name),
 * the referrals and placements of a seeker and the checks of a placement —
 * read once for the whole import.
 *
 * @example
 * ```ts
 * import { Directory, Ids } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * const hong = Effect.map(Directory.load(Ids.DistrictId.make("11200")), (directory) =>
 *   directory.seekers("홍길동", "1980-03-02", undefined) // the one seeker a ledger row names, or none, or several
 * )
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Effect } from "effect"
import type { PersistenceError } from "../kernel/Errors.js"
import type { DistrictId } from "../kernel/Ids.js"
import type { Versioned } from "../kernel/Store.js"
import { type Check, FollowUpRepository } from "../casework/FollowUp.js"
import { type Placement, PlacementRepository } from "../casework/Placement.js"
import { type Referral, ReferralRepository } from "../casework/Referral.js"
import { type Employer, EmployerRepository } from "../registry/Employer.js"
import { type Opening, OpeningRepository } from "../registry/Opening.js"
import { type Seeker, SeekerRepository } from "../registry/Seeker.js"
import { groupBy } from "./internal/group.js"

/**
 * The district's records an import links to.
 *
 * @since 0.4.0
 * @category models
 */
export interface Directory {
  /** Seekers of that name (never an erased one), narrowed by birth date and phone when given. */
  readonly seekers: (name: string, birthDate: string | undefined, phone: string | undefined) => ReadonlyArray<Seeker>
  /** The employer with that business number, else the employers of that name. */
  readonly employers: (businessNumber: string | undefined, name: string | undefined) => ReadonlyArray<Employer>
  readonly opening: (id: string) => Opening | undefined
  readonly referralsOf: (seekerId: string) => ReadonlyArray<Versioned<Referral>>
  readonly placementsOf: (seekerId: string) => ReadonlyArray<Placement>
  readonly checksOf: (placementId: string) => ReadonlyArray<Versioned<Check>>
}

/**
 * A directory with nothing in it, for ledgers that link to nothing.
 *
 * @since 0.4.0
 * @category constructors
 */
export const empty: Directory = {
  seekers: () => [],
  employers: () => [],
  opening: () => undefined,
  referralsOf: () => [],
  placementsOf: () => [],
  checksOf: () => []
}

/**
 * Reads the district's seekers, employers, openings, referrals, placements
 * and follow-up checks.
 *
 * @example
 * ```ts
 * import { Directory, Ids } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * const employer = Effect.map(Directory.load(Ids.DistrictId.make("11200")), (directory) =>
 *   directory.employers("124-81-00998", undefined)
 * )
 * ```
 *
 * @since 0.4.0
 * @category constructors
 */
export const load = (
  districtId: DistrictId
): Effect.Effect<
  Directory,
  PersistenceError,
  SeekerRepository | EmployerRepository | OpeningRepository | ReferralRepository | PlacementRepository | FollowUpRepository
> =>
  Effect.gen(function*() {
    const [seekers, employers, openings, referrals, placements, checks] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (repo) => repo.list(districtId)),
      Effect.flatMap(EmployerRepository, (repo) => repo.list(districtId)),
      Effect.flatMap(OpeningRepository, (repo) => repo.list(districtId)),
      Effect.flatMap(ReferralRepository, (repo) => repo.list(districtId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.list(districtId)),
      Effect.flatMap(FollowUpRepository, (repo) => repo.list(districtId))
    ])
    const seekersByName = groupBy(seekers.map((row) => row.value).filter((s) => s.erasedOn === undefined), (s) => s.name)
    const byNumber = new Map(employers.map((row) => [row.value.businessNumber as string, row.value]))
    const employersByName = groupBy(employers.map((row) => row.value), (e) => e.name)
    const openingsById = new Map(openings.map((row) => [row.value.id as string, row.value]))
    const referralsBySeeker = groupBy(referrals, (row) => row.value.seekerId as string)
    const placementsBySeeker = groupBy(placements.map((row) => row.value), (p) => p.seekerId as string)
    const checksByPlacement = groupBy(checks, (row) => row.value.placementId as string)
    return {
      seekers: (name, birthDate, phone) =>
        (seekersByName.get(name) ?? []).filter((s) =>
          (birthDate === undefined || s.birthDate === birthDate) && (phone === undefined || s.contact.phone === phone)
        ),
      employers: (businessNumber, name) => {
        const found = businessNumber === undefined ? undefined : byNumber.get(businessNumber)
        if (found !== undefined) return [found]
        return businessNumber === undefined && name !== undefined ? employersByName.get(name) ?? [] : []
      },
      opening: (id) => openingsById.get(id),
      referralsOf: (seekerId) => referralsBySeeker.get(seekerId) ?? [],
      placementsOf: (seekerId) => placementsBySeeker.get(seekerId) ?? [],
      checksOf: (placementId) => checksByPlacement.get(placementId) ?? []
    } satisfies Directory
  })
