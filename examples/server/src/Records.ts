/**
 * The record shapes more than one group of the API answers or accepts: a
 * record with its version, and the seeker's and the employer's forms (a
 * seeker or an employer is registered from the registry's routes and from
 * the field work's, where an event finds them).
 */
import { Employer, Seeker } from "@iljari/core"
import { Schema, Struct } from "effect"
import { form } from "./Forms.js"

export const versioned = <A, I>(schema: Schema.Schema<A, I>, identifier: string) =>
  Schema.Struct({
    value: schema,
    version: Schema.Int.annotations({ description: "The record's version: send it back as `version` with a change" })
  }).annotations({ identifier })

export const SeekerRecord = versioned(Seeker.Seeker, "VersionedSeeker")
export const EmployerRecord = versioned(Employer.Employer, "VersionedEmployer")

export const seekerFormFields = Struct.omit(Seeker.fields, "id", "districtId", "registeredAt", ...Seeker.centerFields)
export const SeekerForm = form("SeekerForm", Schema.Struct(seekerFormFields))
export const employerFormFields = Struct.omit(Employer.Employer.fields, "id", "districtId", "registeredAt")
export const EmployerForm = form("EmployerForm", Schema.Struct(employerFormFields))
