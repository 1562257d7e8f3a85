/**
 * What an import refuses, whatever store it writes to: a repeat of a record
 * its id does not reveal (the same person under two ids, a referral placed
 * twice) and the messages every refusal is written in, so that the memory
 * layers, the example JSON store and store-sql's engine refuse alike.
 *
 * @example
 * ```ts
 * import { ImportRules, Seeker } from "@iljari/core"
 *
 * declare const a: Seeker.Seeker
 * declare const b: Seeker.Seeker
 * ImportRules.samePerson.repeats(a, b) // { path: "birthDate", rule: "same name and birth date" } or undefined
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import type * as Placement from "../casework/Placement.js"
import type { DistrictId } from "../kernel/Ids.js"
import * as Seeker from "../registry/Seeker.js"

/**
 * A row's problems: the record's field and the rule it broke.
 *
 * @since 0.4.0
 * @category models
 */
export type Issues = ReadonlyArray<{ readonly path: string; readonly message: string }>

/**
 * A second record of one thing that its id does not reveal: `key` groups the
 * candidates (`undefined`: nobody's repeat), `repeats` decides and names the
 * field and the rule.
 *
 * @since 0.4.0
 * @category rules
 */
export interface Repeats<A> {
  /** What a record is, in messages: "person". */
  readonly noun: string
  readonly key: (record: A) => string | undefined
  readonly repeats: (record: A, other: A) => { readonly path: string; readonly rule: string } | undefined
}

/**
 * Registration's rule, `Seeker.duplicateMatch`: the same name and phone, or
 * the same name and birth date; an erased seeker is nobody's repeat.
 *
 * @since 0.4.0
 * @category rules
 */
export const samePerson: Repeats<Seeker.Seeker> = {
  noun: "person",
  key: (seeker) => (seeker.erasedOn === undefined ? seeker.name : undefined),
  repeats: (seeker, other) => {
    switch (Seeker.duplicateMatch(seeker, other)) {
      case "name-and-phone":
        return { path: "contact.phone", rule: "same name and phone" }
      case "name-and-birth-date":
        return { path: "birthDate", rule: "same name and birth date" }
      case undefined:
        return undefined
    }
  }
}

/**
 * A referral is placed once.
 *
 * @since 0.4.0
 * @category rules
 */
export const sameReferral: Repeats<Placement.Placement> = {
  noun: "placement",
  key: (placement) => placement.referralId,
  repeats: (placement, other) =>
    placement.referralId !== undefined && placement.referralId === other.referralId
      ? { path: "referralId", rule: "a referral is placed once" }
      : undefined
}

/**
 * The first of `others` that `record` repeats, in order, with the rule it matched.
 *
 * @since 0.4.0
 * @category rules
 */
export const firstRepeat = <A, O extends { readonly record: A }>(same: Repeats<A>, record: A, others: ReadonlyArray<O>) => {
  for (const other of others) {
    const found = same.repeats(record, other.record)
    if (found !== undefined) return { ...found, other }
  }
  return undefined
}

/**
 * The messages of the rules, in English for integrators (a person reads them
 * through `RuleText` and the import's own Korean).
 *
 * @since 0.4.0
 * @category messages
 */
export const messages = {
  notAnObject: [{ path: "", message: "must be an object holding the record's fields" }] as Issues,
  otherDistrict: (given: unknown, districtId: DistrictId): Issues => [{
    path: "districtId",
    message: `belongs to district ${String(given)}, not ${districtId}, the one being imported into`
  }],
  repeatedId: (row: number): Issues => [{ path: "id", message: `repeats the id of row ${row}` }],
  repeatsStored: (noun: string, found: { readonly path: string; readonly rule: string }, id: string): Issues => [{
    path: found.path,
    message: `repeats the ${noun} already registered as "${id}" in this district (${found.rule}); update that record instead of importing a second one`
  }],
  repeatsRow: (noun: string, found: { readonly path: string; readonly rule: string }, row: number): Issues => [{
    path: found.path,
    message: `repeats the ${noun} of row ${row} (${found.rule}); import each ${noun} once`
  }]
}

