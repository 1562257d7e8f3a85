/** A label in the two languages iljari ships: Korean (the default) and English. */
export interface Label {
  readonly ko: string
  readonly en: string
}

export type Language = keyof Label
