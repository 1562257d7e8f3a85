// The storage backends the ReportSource suite runs against. Here, the memory
// source over the core's memory repositories; the SQL source over the
// @iljari/store-sql tables runs the same suite in store-sql's tests
// (packages/store-sql/test/reportSource.ts), where its tables are.
import { Repositories } from "@iljari/core"
import { Layer } from "effect"
import { ReportSource as Source } from "@iljari/report"

const { ReportSource } = Source
type ReportSource = Source.ReportSource

export type Repos =
  | Repositories.SeekerRepository
  | Repositories.OpeningRepository
  | Repositories.CounselingRepository
  | Repositories.ReferralRepository
  | Repositories.PlacementRepository
  | Repositories.FollowUpRepository

export interface Backend {
  readonly name: string
  /** A fresh, empty store with the report source over it. */
  readonly layer: () => Layer.Layer<ReportSource | Repos, unknown>
}

export const memory: Backend = {
  name: "memory",
  layer: () => ReportSource.layerMemory.pipe(Layer.provideMerge(Repositories.layerMemory))
}
