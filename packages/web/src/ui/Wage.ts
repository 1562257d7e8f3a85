/** A wage as a person reads it: `월 2,500,000원`, `시급 10,030원 ~ 12,000원`. */
import { Codes, type Wage } from "@iljari/core"
import type { Lang } from "./Say.js"

export const wageText = (wage: Wage.OfferedWage, lang: Lang) => {
  const won = (n: number) => lang === "en" ? `₩${n.toLocaleString("en")}` : `${n.toLocaleString("ko-KR")}원`
  return `${Codes.wageTypeLabel(wage.type, lang)} ${won(wage.min)}${wage.max === undefined || wage.max === wage.min ? "" : ` ~ ${won(wage.max)}`}`
}
