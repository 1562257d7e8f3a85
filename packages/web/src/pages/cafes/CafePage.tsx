/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * One job café: where it is, its program sessions with the places left and
 * who signed up, the form that schedules a session, and a sign-up form per
 * session: a seeker found by name (a post: the name stays out of the
 * address), or the name or phone the café knows a visitor by. A refused
 * sign-up (full, signed up already, started) says why.
 */
import { type Cafes, JobCafe } from "@iljari/core"
import { type Problems, SelectField, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { NameSearch } from "../seekers/NameSearch.js"
import { SeekerFinder } from "../seekers/SeekerFinder.js"

/** What the scheduling form holds, as its fields are named. */
export interface ProgramFormValues {
  readonly kind: string
  readonly on: string
  readonly start: string
  readonly places: string
}

export const programFormValues = (get: (name: string) => string | undefined, today: string): ProgramFormValues => ({
  kind: get("kind") ?? "",
  on: get("on") ?? today,
  start: get("start") ?? "14:00",
  places: get("places") ?? "10"
})

export const programInputOf = (values: ProgramFormValues) => ({
  kind: values.kind,
  on: values.on,
  start: values.start,
  places: values.places.trim() === "" ? Number.NaN : Number(values.places)
})

/** A session with the people signed up, named. */
export interface Session extends Cafes.ProgramWithCount {
  readonly people: ReadonlyArray<string>
}

export const CafePage = ({ view, cafe, sessions, form, problems, notice, refusal, signUpValue, search }: {
  readonly view: View
  readonly cafe: Cafes.StoredCafe
  readonly sessions: ReadonlyArray<Session>
  readonly form: ProgramFormValues
  readonly problems: Problems
  readonly notice?: string | undefined
  /** A refused sign-up: the session and why. */
  readonly refusal?: { readonly programId: string; readonly message: string } | undefined
  readonly signUpValue?: { readonly programId: string; readonly person: string } | undefined
  /** The seeker search: what was asked, and who was found (or why it was refused). */
  readonly search?: NameSearch | undefined
}) => {
  const { say, lang } = view
  const problemList = Object.values(problems)
  const found = search?.found ?? []
  return (
    <Page view={view} title={say(`일자리카페: ${cafe.name}`, `Job café: ${cafe.name}`)}>
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      {refusal === undefined ? null : <p class="notice error" role="alert">{refusal.message}</p>}
      <dl class="fair-facts">
        <div><dt>{say("시설 유형", "Venue")}</dt><dd>{JobCafe.venueTypeLabel(cafe.venueType, lang)}</dd></div>
        <div><dt>{say("주소", "Address")}</dt><dd>{cafe.address === "" ? "-" : cafe.address}</dd></div>
        <div><dt>{say("위치", "Location")}</dt><dd>{`${cafe.location.lat}, ${cafe.location.lon}`}</dd></div>
        <div><dt>{say("스터디룸", "Study rooms")}</dt><dd>{cafe.studyRooms.length === 0 ? "-" : cafe.studyRooms.join(", ")}</dd></div>
      </dl>
      {cafe.studyRooms.length === 0 ? null : (
        <p><a class="krds-btn secondary small" href={href(view, `/cafes/${cafe.id}/rooms`)}>{say("스터디룸 예약 달력", "Study-room calendar")}</a></p>
      )}

      <section aria-labelledby="find-seekers">
        <h2 id="find-seekers">{say("신청할 구직자 찾기", "Find seekers to sign up")}</h2>
        <SeekerFinder view={view} action={href(view, `/cafes/${cafe.id}/seekers`)} label={say("구직자 이름", "Seeker's name")} search={search} />
      </section>

      <section aria-labelledby="programs">
        <h2 id="programs">{say("프로그램 일정", "Program sessions")}</h2>
        {sessions.length === 0 ? <Empty>{say("예정된 프로그램이 없습니다.", "No program scheduled.")}</Empty> : (
          <Table caption={say("프로그램과 신청", "Programs and sign-ups")} hideCaption head={<>
            <th scope="col">{say("프로그램", "Program")}</th>
            <th scope="col">{say("일시", "When")}</th>
            <th scope="col">{say("신청 / 정원", "Signed up / places")}</th>
            <th scope="col">{say("남은 자리", "Places left")}</th>
            <th scope="col">{say("신청자", "Signed up")}</th>
            <th scope="col">{say("신청", "Sign up")}</th>
          </>}>
            {sessions.map(({ program: { value: p }, signedUp, placesLeft, people }) => {
              const id = `person-${p.id}`
              const value = signUpValue?.programId === p.id ? signUpValue.person : ""
              const refused = refusal?.programId === p.id
              return (
                <tr>
                  <th scope="row">{JobCafe.programKindLabel(p.kind, lang)}</th>
                  <td>{`${p.on} ${p.start}`}</td>
                  <td class="ar">{`${signedUp} / ${p.places}`}</td>
                  <td class="ar">{placesLeft === 0 ? say("마감", "Full") : say(`${placesLeft}자리`, `${placesLeft}`)}</td>
                  <td>{people.length === 0 ? "-" : people.join(", ")}</td>
                  <td>
                    <form method="post" action={href(view, `/cafes/${cafe.id}/programs/${p.id}/sign-ups`)} class="fair-result">
                      <CsrfField view={view} />
                      {found.length === 0 ? null : (
                        <>
                          <label for={`seeker-${p.id}`} class="visually-hidden">{say(`${JobCafe.programKindLabel(p.kind, lang)} ${p.on} 신청할 구직자`, `Seeker to sign up for ${p.on}`)}</label>
                          <select class="krds-form-select small" id={`seeker-${p.id}`} name="seeker">
                            <option value="">{say("방문자 (직접 입력)", "A visitor (type below)")}</option>
                            {found.map((f) => <option value={f.id}>{f.label}</option>)}
                          </select>
                        </>
                      )}
                      <label for={id} class="visually-hidden">{say(`${JobCafe.programKindLabel(p.kind, lang)} ${p.on} 신청자`, `Who signs up for ${p.on}`)}</label>
                      <input
                        class="krds-input small"
                        id={id}
                        name="person"
                        value={value}
                        placeholder={say("구직자 번호 또는 방문자", "Seeker no. or visitor")}
                        aria-invalid={refused ? true : undefined}
                      />
                      <button type="submit" class="krds-btn xsmall">{say("신청", "Sign up")}</button>
                    </form>
                  </td>
                </tr>
              )
            })}
          </Table>
        )}
      </section>

      <section aria-labelledby="new-program">
        <h2 id="new-program">{say("프로그램 등록", "Schedule a program")}</h2>
        {problemList.length === 0 ? null : (
          <div class="notice error" role="alert">
            <p>{say(`${problemList.length}개 항목을 고쳐 주세요.`, `Fix ${problemList.length} field(s).`)}</p>
            <ul>{problemList.map((p) => <li>{p}</li>)}</ul>
          </div>
        )}
        <form method="post" action={href(view, `/cafes/${cafe.id}/programs`)} class="cafe-form" novalidate>
          <CsrfField view={view} />
          <SelectField
            name="kind"
            label={say("프로그램", "Program")}
            value={form.kind}
            problems={problems}
            empty={say("고르세요", "Choose")}
            choices={(["counseling", "resume-clinic", "mentoring", "lecture", "resume-photo"] as const).map((k) => ({ value: k, label: JobCafe.programKindLabel(k, lang) }))}
            required
          />
          <div class="cafe-coordinates">
            <TextField name="on" type="date" label={say("날짜", "Day")} value={form.on} problems={problems} required />
            <TextField name="start" label={say("시작 시각", "Starts at")} value={form.start} problems={problems} hint={say("예: 14:00", "e.g. 14:00")} required />
            <TextField name="places" type="number" label={say("정원", "Places")} value={form.places} problems={problems} required />
          </div>
          <div class="actions">
            <button type="submit" class="krds-btn primary">{say("프로그램 등록", "Schedule")}</button>
          </div>
        </form>
      </section>
    </Page>
  )
}
