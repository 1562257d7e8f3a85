/**
 * The names an event's page shows: its seekers, employers and openings (as
 * `CaseFile.namesOf` finds them) and its counselors (from the staff list).
 */
import type { CaseFile } from "@iljari/core"

export type EventNames = CaseFile.Names & { readonly counselor: (id: string) => string }
