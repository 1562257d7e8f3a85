/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The form that plans a job fair (채용박람회): its title, day, venue and
 * timetable, and the openings that take part, found by their employer's
 * name. One form with two buttons: 업체 검색 posts it back to the form with the
 * employers found and what was filled in and chosen so far; 박람회 만들기
 * posts it. A chosen opening is `opening=<employerId>/<openingId>`; each
 * employer's interview capacity is `capacity-<employerId>`.
 */
import type { Employer, JobFair, Opening, Repositories } from "@iljari/core"
import type { Problems } from "../../ui/Fields.js"
import { TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { href, type View } from "../../ui/View.js"

/** What the form holds, as its fields are named. */
export interface FairFormValues {
  readonly title: string
  readonly heldOn: string
  readonly venue: string
  readonly start: string
  readonly slotMinutes: string
  readonly maxInterviews: string
  readonly minScore: string
  /** `employerId/openingId` of each chosen opening. */
  readonly openings: ReadonlyArray<string>
  readonly capacities: Readonly<Record<string, string>>
  readonly q: string
}

export const defaultCapacity = "10"

const valueOf = (get: (name: string) => string | undefined | null, name: string, fallback: string) => get(name) ?? fallback

/** The form's values from a query or a post (`all` for the repeated `opening`). */
export const fairFormValues = (
  get: (name: string) => string | undefined | null,
  all: (name: string) => ReadonlyArray<string>,
  names: ReadonlyArray<string>
): FairFormValues => ({
  title: valueOf(get, "title", ""),
  heldOn: valueOf(get, "heldOn", ""),
  venue: valueOf(get, "venue", ""),
  start: valueOf(get, "start", "14:00"),
  slotMinutes: valueOf(get, "slotMinutes", "20"),
  maxInterviews: valueOf(get, "maxInterviews", "2"),
  minScore: valueOf(get, "minScore", "50"),
  openings: [...new Set(all("opening"))],
  capacities: Object.fromEntries(
    names.filter((name) => name.startsWith("capacity-")).map((name) => [name.slice("capacity-".length), get(name) ?? ""] as const)
  ),
  q: valueOf(get, "q", "")
})

/** The plan `JobFair.create` decodes, from the form's values. */
export const planOf = (values: FairFormValues) => {
  const byEmployer = new Map<string, Array<string>>()
  for (const chosen of values.openings) {
    const [employerId, openingId] = chosen.split("/")
    if (employerId === undefined || openingId === undefined) continue
    byEmployer.set(employerId, [...(byEmployer.get(employerId) ?? []), openingId])
  }
  const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text))
  return {
    title: values.title,
    heldOn: values.heldOn,
    venue: values.venue,
    schedule: { start: values.start, slotMinutes: number(values.slotMinutes) },
    maxInterviewsPerSeeker: number(values.maxInterviews),
    minScore: number(values.minScore),
    employers: [...byEmployer].map(([employerId, openingIds]) => ({
      employerId,
      openingIds,
      capacity: number(values.capacities[employerId] ?? defaultCapacity)
    }))
  } satisfies Record<keyof typeof JobFair.Plan.Type, unknown>
}

/** The form's field holding a plan's path (`employers[0].capacity` → the employer's capacity). */
export const fieldOf = (values: FairFormValues) => (path: string) => {
  if (path.startsWith("schedule.start")) return "start"
  if (path.startsWith("schedule.slotMinutes")) return "slotMinutes"
  if (path === "maxInterviewsPerSeeker") return "maxInterviews"
  const employer = /^employers\[(\d+)\]\.capacity/.exec(path)
  if (employer !== null) {
    const employerId = [...new Set(values.openings.map((o) => o.split("/")[0]))][Number(employer[1])]
    return employerId === undefined ? "openings" : `capacity-${employerId}`
  }
  return path.startsWith("employers") ? "openings" : path
}

/** An employer found by the search, with its open openings. */
export interface Found {
  readonly employer: Employer.Employer
  readonly openings: ReadonlyArray<Repositories.Versioned<Opening.Opening>>
}

/** A chosen opening, named. */
export interface Chosen {
  readonly key: string
  readonly employerId: string
  readonly employer: string
  readonly opening: string
}

export const NewFairPage = ({ view, values, found, chosen, problems }: {
  readonly view: View
  readonly values: FairFormValues
  readonly found: ReadonlyArray<Found> | undefined
  readonly chosen: ReadonlyArray<Chosen>
  readonly problems: Problems
}) => {
  const { say } = view
  const problemList = Object.values(problems)
  const employersChosen = [...new Map(chosen.map((c) => [c.employerId, c.employer])).entries()]
  return (
    <Page view={view} title={say("새 채용박람회", "New job fair")}>
      {problemList.length === 0 ? null : (
        <div class="notice error" role="alert">
          <p>{say(`${problemList.length}개 항목을 고쳐 주세요.`, `Fix ${problemList.length} field(s).`)}</p>
          <ul>{problemList.map((p) => <li>{p}</li>)}</ul>
        </div>
      )}
      <form method="post" action={href(view, "/fairs")} class="fair-form" novalidate>
        <CsrfField view={view} />
        <TextField name="title" label={say("박람회 이름", "Title")} value={values.title} problems={problems} required />
        <TextField name="heldOn" type="date" label={say("개최일", "Day")} value={values.heldOn} problems={problems} required />
        <TextField name="venue" label={say("장소", "Venue")} value={values.venue} problems={problems} required />
        <div class="targets-fields">
          <TextField name="start" label={say("면접 시작 시각", "Interviews start at")} value={values.start} problems={problems} hint={say("예: 14:00", "e.g. 14:00")} />
          <TextField name="slotMinutes" type="number" label={say("면접 한 회 (분)", "Minutes per interview")} value={values.slotMinutes} problems={problems} />
          <TextField name="maxInterviews" type="number" label={say("구직자 1인 최대 면접 수", "Interviews per seeker, at most")} value={values.maxInterviews} problems={problems} />
          <TextField name="minScore" type="number" label={say("최소 적합도 점수 (0~100)", "Lowest match score (0–100)")} value={values.minScore} problems={problems} />
        </div>

        <fieldset class="form-group" aria-describedby="chosen-hint">
          <legend class="form-tit">{say("참여 공고", "Openings taking part")}</legend>
          <p class="form-hint" id="chosen-hint">
            {say("업체 이름으로 찾아 공고를 고르세요. 업체마다 면접 가능 인원을 적습니다.", "Find employers by name and choose their openings; give each employer how many interviews it can hold.")}
          </p>
          {problems["openings"] === undefined ? null : <p class="form-hint-invalid">{problems["openings"]}</p>}
          {chosen.length === 0 ? <p>{say("아직 고른 공고가 없습니다.", "No opening chosen yet.")}</p> : (
            <ul class="fair-chosen">
              {chosen.map((c, i) => (
                <li class="krds-form-check">
                  <input type="checkbox" name="opening" id={`chosen-${i}`} value={c.key} checked />
                  <label for={`chosen-${i}`}>{`${c.employer} · ${c.opening}`}</label>
                </li>
              ))}
            </ul>
          )}
          {employersChosen.map(([employerId, employer]) => (
            <TextField
              name={`capacity-${employerId}`}
              type="number"
              label={say(`${employer} 면접 가능 인원`, `Interviews ${employer} can hold`)}
              value={values.capacities[employerId] ?? defaultCapacity}
              problems={problems}
            />
          ))}
        </fieldset>

        <div class="fair-search">
          <label for="q">{say("업체 이름", "Employer's name")}</label>
          <input class="krds-input" type="search" id="q" name="q" value={values.q} />
          {/* A post, not a get: the form's CSRF token stays out of the address. */}
          <button type="submit" class="krds-btn secondary small" formaction={href(view, "/fairs/new")} formnovalidate>
            {say("업체 검색", "Find employers")}
          </button>
        </div>
        {found === undefined ? null : found.length === 0 ? <p>{say("찾은 업체가 없습니다.", "No employer found.")}</p> : (
          <ul class="fair-found">
            {found.map(({ employer, openings }, i) => (
              <li>
                <strong>{employer.name}</strong>
                {openings.length === 0 ? <span>{say(" (모집 중인 공고 없음)", " (no open opening)")}</span> : (
                  <ul>
                    {openings.map((o, j) => {
                      const key = `${employer.id}/${o.value.id}`
                      return values.openings.includes(key) ? null : (
                        <li class="krds-form-check">
                          <input type="checkbox" name="opening" id={`found-${i}-${j}`} value={key} />
                          <label for={`found-${i}-${j}`}>{o.value.title}</label>
                        </li>
                      )
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("박람회 만들기", "Create the fair")}</button>
        </div>
      </form>
    </Page>
  )
}
