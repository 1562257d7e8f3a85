/**
 * The demo districts' settings: their annual targets, for the reports.
 *
 * The figures are the seeds' (Seongdong-gu's 2016 plan: 2,800 openings,
 * 6,930 seekers, 2,060 placements, 16,610 counseling sessions); a real
 * deployment keeps each district's plan in its own settings.
 */
import type { Ids, Targets } from "@iljari/core"

const seed: Targets.MetricCounts = { openings: 2_800, seekers: 6_930, placements: 2_060, counseling: 16_610 }

export const targetsOf = (_districtId: Ids.DistrictId): Targets.MetricCounts => seed
