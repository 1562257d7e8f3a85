/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * A café's study rooms on one day, for its staff: a grid of 30-minute slots
 * (rows, from opening to closing) by room (columns), each booking shown in
 * the slots it takes; for each person booked that day, the minutes used of
 * the daily limit (3 hours: "2시간 / 3시간"), counting their bookings at
 * every café of the district, as the rule does; and the booking form. A
 * refused booking shows the form again with every reason and what was
 * entered.
 */
import { type Cafes, JobCafe, type StudyRooms } from "@iljari/core"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { NameSearch } from "../seekers/NameSearch.js"
import { SeekerFinder } from "../seekers/SeekerFinder.js"

/** What the booking form holds, as its fields are named. */
export interface BookingFormValues {
  readonly person: string
  readonly room: string
  readonly start: string
  readonly end: string
}

export const bookingFormValues = (get: (name: string) => string | undefined): BookingFormValues => ({
  person: get("person") ?? "",
  room: get("room") ?? "",
  start: get("start") ?? "",
  end: get("end") ?? ""
})

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`

/** The day's slots: each slot's start, from opening to closing. */
export const slotsOf = (rules: JobCafe.Rules) => {
  const slots: Array<number> = []
  for (let m = JobCafe.minutesOf(rules.opens); m < JobCafe.minutesOf(rules.closes); m += rules.stepMinutes) slots.push(m)
  return slots
}

/** Minutes as hours: 120 → "2시간", 90 → "1시간 30분". */
export const hoursLabel = (view: View, minutes: number) => {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const ko = hours === 0 ? `${rest}분` : rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`
  const en = hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
  return view.say(ko, en)
}

const lengthOf = (b: JobCafe.Booking) => JobCafe.minutesOf(b.end) - JobCafe.minutesOf(b.start)

export const RoomCalendarPage = ({ view, cafe, on, previous, next, day, names, rules, form, reasons, notice, search }: {
  readonly view: View
  readonly cafe: Cafes.StoredCafe
  readonly on: string
  readonly previous: string
  readonly next: string
  /** Every booking of the district that day (the limit counts them all). */
  readonly day: ReadonlyArray<StudyRooms.StoredBooking>
  /** A person's name: a seeker's, or the visitor as the café knows them. */
  readonly names: (personId: string) => string
  readonly rules: JobCafe.Rules
  readonly form: BookingFormValues
  readonly reasons: ReadonlyArray<string>
  readonly notice?: string | undefined
  /** A seeker asked for by name, to book for. */
  readonly search?: NameSearch | undefined
}) => {
  const { say } = view
  const found = search?.found ?? []
  const here = day.filter((b) => b.cafeId === cafe.id)
  const slots = slotsOf(rules)
  const people = [...new Set(here.map((b) => b.personId))]
  const used = (personId: string) => day.filter((b) => b.personId === personId).reduce((sum, b) => sum + lengthOf(b), 0)
  const at = (room: string, slot: number) =>
    here.find((b) => b.roomId === room && JobCafe.minutesOf(b.start) <= slot && slot < JobCafe.minutesOf(b.end))
  const base = `/cafes/${cafe.id}/rooms`
  return (
    <Page view={view} title={say(`스터디룸 예약: ${cafe.name}`, `Study rooms: ${cafe.name}`)}>
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      <p>{say(`이용 시간 ${rules.opens}–${rules.closes}, ${rules.stepMinutes}분 단위, 1인 1일 ${hoursLabel(view, rules.maxMinutesPerDay)}까지 (모든 일자리카페 합계).`, `Open ${rules.opens}–${rules.closes}, in steps of ${rules.stepMinutes} minutes, at most ${hoursLabel(view, rules.maxMinutesPerDay)} a day per person (all cafés together).`)}</p>
      <nav class="cafe-day" aria-label={say("날짜 이동", "Choose the day")}>
        <a class="krds-btn tertiary small" href={href(view, `${base}?on=${previous}`)}>{say("이전 날", "Previous day")}</a>
        <form method="get" action={href(view, base)} class="cafe-day-form">
          <label for="on">{say("날짜", "Day")}</label>
          <input class="krds-input small" type="date" id="on" name="on" value={on} />
          <button type="submit" class="krds-btn secondary small">{say("보기", "Show")}</button>
        </form>
        <a class="krds-btn tertiary small" href={href(view, `${base}?on=${next}`)}>{say("다음 날", "Next day")}</a>
      </nav>

      <section aria-labelledby="grid">
        <h2 id="grid">{say(`${on} 예약 현황`, `Bookings on ${on}`)}</h2>
        <Table caption={say(`${cafe.name} ${on} 스터디룸 예약 (시간 × 스터디룸)`, `${cafe.name}, ${on}: study rooms by time`)} hideCaption head={<>
          <th scope="col">{say("시간", "Time")}</th>
          {cafe.studyRooms.map((room) => <th scope="col">{room}</th>)}
        </>}>
          {slots.map((slot) => (
            <tr>
              <th scope="row">{`${clock(slot)}–${clock(slot + rules.stepMinutes)}`}</th>
              {cafe.studyRooms.map((room) => {
                const booking = at(room, slot)
                if (booking === undefined) return <td class="slot-free"><span class="visually-hidden">{say("비어 있음", "Free")}</span></td>
                const first = JobCafe.minutesOf(booking.start) === slot
                return (
                  <td class={first ? "slot-booked slot-first" : "slot-booked"}>
                    {first ? `${names(booking.personId)} (${booking.start}–${booking.end})` : names(booking.personId)}
                  </td>
                )
              })}
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="usage">
        <h2 id="usage">{say("이용 시간 (1일 한도)", "Time used (daily limit)")}</h2>
        {people.length === 0 ? <p class="notice">{say("이 날 예약이 없습니다.", "No booking on this day.")}</p> : (
          <Table caption={say("예약한 사람별 이용 시간", "Time used by each person booked")} hideCaption head={<>
            <th scope="col">{say("이용자", "Person")}</th>
            <th scope="col">{say("이용 / 한도", "Used / limit")}</th>
          </>}>
            {people.map((personId) => (
              <tr>
                <th scope="row">{names(personId)}</th>
                <td>{`${hoursLabel(view, used(personId))} / ${hoursLabel(view, rules.maxMinutesPerDay)}`}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="book">
        <h2 id="book">{say("예약하기", "Book a room")}</h2>
        {reasons.length === 0 ? null : (
          <div class="notice error" role="alert" id="refused">
            <p><strong>{say("예약할 수 없습니다.", "The booking is refused.")}</strong></p>
            <ul>{reasons.map((reason) => <li>{reason}</li>)}</ul>
          </div>
        )}
        <SeekerFinder
          view={view}
          action={href(view, `${base}/seekers`)}
          label={say("이용할 구직자 이름으로 찾기", "Find the seeker by name")}
          search={search}
          hidden={{ on }}
        />
        <form method="post" action={href(view, `${base}?on=${on}`)} class="cafe-booking" novalidate>
          <CsrfField view={view} />
          <input type="hidden" name="on" value={on} />
          <div class="form-group">
            <div class="form-tit"><label for="f-person">{say("이용자", "Person")}</label></div>
            <div class="form-conts">
              {found.length === 0 ? null : (
                <select class="krds-form-select" id="f-seeker" name="seeker" aria-label={say("찾은 구직자", "The seeker found")}>
                  <option value="">{say("방문자 (아래에 입력)", "A visitor (type below)")}</option>
                  {found.map((f) => <option value={f.id}>{f.label}</option>)}
                </select>
              )}
              <input class="krds-input" id="f-person" name="person" value={form.person} required={found.length === 0} aria-describedby="f-person-hint" />
            </div>
            <p class="form-hint" id="f-person-hint">{say("위에서 찾은 구직자, 구직자 번호(예: seeker-00001), 또는 방문자의 이름이나 전화번호", "A seeker found above, a seeker's number (e.g. seeker-00001), or a visitor's name or phone")}</p>
          </div>
          <div class="cafe-coordinates">
            <div class="form-group">
              <div class="form-tit"><label for="f-room">{say("스터디룸", "Room")}</label></div>
              <div class="form-conts">
                <select class="krds-form-select" id="f-room" name="room" required>
                  {cafe.studyRooms.map((room) => <option value={room} selected={form.room === room}>{room}</option>)}
                </select>
              </div>
            </div>
            <div class="form-group">
              <div class="form-tit"><label for="f-start">{say("시작", "From")}</label></div>
              <div class="form-conts">
                <select class="krds-form-select" id="f-start" name="start" required>
                  {slots.map((slot) => <option value={clock(slot)} selected={form.start === clock(slot)}>{clock(slot)}</option>)}
                </select>
              </div>
            </div>
            <div class="form-group">
              <div class="form-tit"><label for="f-end">{say("종료", "To")}</label></div>
              <div class="form-conts">
                <select class="krds-form-select" id="f-end" name="end" required>
                  {slots.map((slot) => {
                    const end = clock(slot + rules.stepMinutes)
                    return <option value={end} selected={form.end === end}>{end}</option>
                  })}
                </select>
              </div>
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="krds-btn primary">{say("예약", "Book")}</button>
          </div>
        </form>
      </section>
    </Page>
  )
}
