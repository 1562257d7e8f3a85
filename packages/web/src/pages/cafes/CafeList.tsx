/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The district's job cafés (일자리카페): the list, the ten-minute-walk
 * finder (from a subway station of the district, or a latitude and
 * longitude: the cafés within the minutes of walking, nearest first, with
 * their walking minutes) and the form that registers a café.
 */
import { type Cafes, JobCafe, type Repositories } from "@iljari/core"
import { type Problems, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { Station } from "./Stations.js"

/** What the registration form holds, as its fields are named. */
export interface CafeFormValues {
  readonly name: string
  readonly venueType: string
  readonly address: string
  readonly lat: string
  readonly lon: string
  readonly studyRooms: string
}

export const emptyCafeForm: CafeFormValues = { name: "", venueType: "", address: "", lat: "", lon: "", studyRooms: "" }

/** The form's values from a post. */
export const cafeFormValues = (get: (name: string) => string | undefined): CafeFormValues => ({
  name: get("name") ?? "",
  venueType: get("venueType") ?? "",
  address: get("address") ?? "",
  lat: get("lat") ?? "",
  lon: get("lon") ?? "",
  studyRooms: get("studyRooms") ?? ""
})

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text))

/** What `Cafes.register` decodes: rooms one a line (or separated by commas). */
export const cafeInputOf = (values: CafeFormValues) => ({
  name: values.name.trim(),
  venueType: values.venueType,
  address: values.address.trim(),
  location: { lat: number(values.lat), lon: number(values.lon) },
  studyRooms: values.studyRooms.split(/[\n,]/).map((room) => room.trim()).filter((room) => room !== "")
})

/** The form's field holding a path of `CafeInput`. */
export const cafeFieldOf = (path: string) =>
  path.startsWith("location.lat") ? "lat" : path.startsWith("location.lon") ? "lon" : path.startsWith("studyRooms") ? "studyRooms" : path

/** The finder's question: where from, how far. */
export interface FinderQuery {
  readonly station: string
  readonly lat: string
  readonly lon: string
  readonly minutes: string
}

/** The finder's answer: the point walked from, named, and the cafés found. */
export interface FinderAnswer {
  readonly from: string
  readonly minutes: number
  readonly found: ReadonlyArray<{ readonly cafe: Cafes.StoredCafe; readonly walkMinutes: number }>
}

/** Whole minutes, rounded up: a walk of 6.2 minutes takes 7. */
export const walkLabel = (view: View, minutes: number) => {
  const whole = Math.max(1, Math.ceil(minutes))
  return view.say(`도보 ${whole}분`, `${whole} min on foot`)
}

const Finder = ({ view, stations, query, answer, problem }: {
  readonly view: View
  readonly stations: ReadonlyArray<Station>
  readonly query: FinderQuery
  readonly answer: FinderAnswer | undefined
  readonly problem: string | undefined
}) => {
  const { say, lang } = view
  return (
    <section aria-labelledby="finder">
      <h2 id="finder">{say("걸어서 10분 찾기", "Within a ten-minute walk")}</h2>
      <p>{say("출발지를 고르면 걸어서 갈 수 있는 일자리카페를 가까운 순으로 보여 줍니다 (분당 80m, 우회 1.3배).", "Choose where to start: the cafés within the walk are listed nearest first (80 m a minute, a 1.3 detour).")}</p>
      {/* A get: the address holds a station or a place on the map, never a person's data. */}
      <form method="get" action={href(view, "/cafes")} class="cafe-finder">
        {stations.length === 0 ? null : (
          <div class="form-group">
            <div class="form-tit"><label for="f-station">{say("출발 역", "From the station")}</label></div>
            <div class="form-conts">
              <select id="f-station" name="station" class="krds-form-select">
                <option value="">{say("좌표로 찾기", "Use the coordinates")}</option>
                {stations.map((s) => <option value={s.id} selected={query.station === s.id}>{lang === "ko" ? s.ko : s.en}</option>)}
              </select>
            </div>
          </div>
        )}
        <TextField name="from-lat" label={say("출발지 위도", "Latitude of the start")} value={query.lat} inputmode="text" />
        <TextField name="from-lon" label={say("출발지 경도", "Longitude of the start")} value={query.lon} inputmode="text" />
        <TextField name="minutes" type="number" label={say("걷는 시간 (분)", "Minutes of walking")} value={query.minutes} />
        <div class="actions">
          <button type="submit" class="krds-btn secondary">{say("찾기", "Find")}</button>
        </div>
      </form>
      {problem === undefined ? null : <p class="notice error" role="alert">{problem}</p>}
      {answer === undefined ? null : answer.found.length === 0
        ? <Empty>{say(`${answer.from}에서 걸어서 ${answer.minutes}분 안에 일자리카페가 없습니다.`, `No café within ${answer.minutes} minutes' walk of ${answer.from}.`)}</Empty>
        : (
          <Table caption={say(`${answer.from}에서 걸어서 ${answer.minutes}분 안의 일자리카페 (가까운 순)`, `Cafés within ${answer.minutes} minutes' walk of ${answer.from} (nearest first)`)} head={<>
            <th scope="col">{say("일자리카페", "Café")}</th>
            <th scope="col">{say("주소", "Address")}</th>
            <th scope="col">{say("걷는 시간", "Walk")}</th>
          </>}>
            {answer.found.map(({ cafe, walkMinutes }) => (
              <tr>
                <th scope="row"><a href={href(view, `/cafes/${cafe.id}`)}>{cafe.name}</a></th>
                <td>{cafe.address}</td>
                <td>{walkLabel(view, walkMinutes)}</td>
              </tr>
            ))}
          </Table>
        )}
    </section>
  )
}

export const CafeForm = ({ view, values, problems }: { readonly view: View; readonly values: CafeFormValues; readonly problems: Problems }) => {
  const { say, lang } = view
  const problemList = Object.values(problems)
  return (
    <section aria-labelledby="new-cafe">
      <h2 id="new-cafe">{say("일자리카페 등록", "Register a café")}</h2>
      {problemList.length === 0 ? null : (
        <div class="notice error" role="alert">
          <p>{say(`${problemList.length}개 항목을 고쳐 주세요.`, `Fix ${problemList.length} field(s).`)}</p>
          <ul>{problemList.map((p) => <li>{p}</li>)}</ul>
        </div>
      )}
      <form method="post" action={href(view, "/cafes")} class="cafe-form" novalidate>
        <CsrfField view={view} />
        <TextField name="name" label={say("이름", "Name")} value={values.name} problems={problems} required />
        <SelectField
          name="venueType"
          label={say("시설 유형", "Venue")}
          value={values.venueType}
          problems={problems}
          empty={say("고르세요", "Choose")}
          choices={(["university", "youth-space", "public-facility", "private-facility"] as const).map((v) => ({ value: v, label: JobCafe.venueTypeLabel(v, lang) }))}
          required
        />
        <TextField name="address" label={say("주소", "Address")} value={values.address} problems={problems} />
        <div class="cafe-coordinates">
          <TextField name="lat" label={say("위도", "Latitude")} value={values.lat} problems={problems} hint={say("예: 37.5446", "e.g. 37.5446")} required />
          <TextField name="lon" label={say("경도", "Longitude")} value={values.lon} problems={problems} hint={say("예: 127.0559", "e.g. 127.0559")} required />
        </div>
        <TextArea name="studyRooms" label={say("스터디룸 (한 줄에 하나)", "Study rooms (one a line)")} value={values.studyRooms} problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary">{say("등록", "Register")}</button>
        </div>
      </form>
    </section>
  )
}

export const CafeListPage = ({ view, cafes, stations, query, answer, finderProblem, form, problems, status }: {
  readonly view: View
  readonly cafes: ReadonlyArray<Repositories.Versioned<Cafes.StoredCafe>>
  readonly stations: ReadonlyArray<Station>
  readonly query: FinderQuery
  readonly answer: FinderAnswer | undefined
  readonly finderProblem: string | undefined
  readonly form: CafeFormValues
  readonly problems: Problems
  readonly status?: string | undefined
}) => {
  const { say, lang } = view
  return (
    <Page view={view} title={say("일자리카페", "Job cafés")}>
      {status === undefined ? null : <p class="notice success" role="status">{status}</p>}
      <Finder view={view} stations={stations} query={query} answer={answer} problem={finderProblem} />
      <section aria-labelledby="all-cafes">
        <h2 id="all-cafes">{say("일자리카페 목록", "The district's cafés")}</h2>
        {cafes.length === 0 ? <Empty>{say("등록된 일자리카페가 없습니다.", "No café registered yet.")}</Empty> : (
          <Table caption={say("일자리카페 목록", "The district's cafés")} hideCaption head={<>
            <th scope="col">{say("이름", "Name")}</th>
            <th scope="col">{say("시설 유형", "Venue")}</th>
            <th scope="col">{say("주소", "Address")}</th>
            <th scope="col">{say("스터디룸", "Study rooms")}</th>
            <th scope="col">{say("예약 현황", "Bookings")}</th>
          </>}>
            {cafes.map(({ value: cafe }) => (
              <tr>
                <th scope="row"><a href={href(view, `/cafes/${cafe.id}`)}>{cafe.name}</a></th>
                <td>{JobCafe.venueTypeLabel(cafe.venueType, lang)}</td>
                <td>{cafe.address}</td>
                <td class="ar">{cafe.studyRooms.length}</td>
                <td>
                  {cafe.studyRooms.length === 0 ? "-" : (
                    <a href={href(view, `/cafes/${cafe.id}/rooms`)}>{say(`${cafe.name} 스터디룸 예약`, `${cafe.name}: room bookings`)}</a>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <CafeForm view={view} values={form} problems={problems} />
    </Page>
  )
}
