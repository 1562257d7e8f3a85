/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * An employer's page (구인업체 카드): the business, its contact persons
 * (personal data: the page is opened through `EmployerSearch.getEmployer`,
 * which logs the read) and its openings, with the way to register another.
 */
import { Codes, Employer, type Opening } from "@iljari/core"
import { kstDate, orNone } from "../../ui/Format.js"
import { Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import { StatusBadge } from "./OpeningFacts.js"

export type EmployerNotice = "registered"

const notices: Record<EmployerNotice, readonly [string, string]> = {
  registered: ["구인업체를 등록했습니다. 이제 구인공고를 등록할 수 있습니다.", "The employer is registered; you can now register its openings."]
}

export const isEmployerNotice = (value: string | null): value is EmployerNotice => value !== null && value in notices

export const EmployerPage = ({ view, employer: e, openings, notice }: {
  readonly view: View
  readonly employer: Employer.Employer
  readonly openings: { readonly items: ReadonlyArray<{ readonly value: Opening.Opening }>; readonly total: number }
  readonly notice?: EmployerNotice | undefined
}) => {
  const { say, lang } = view
  return (
    <Page view={view} title={e.name}>
      {notice === undefined ? null : <div class="notice success" role="status">{say(...notices[notice])}</div>}
      <div class="actions">
        <a class="krds-btn primary" href={href(view, `/openings/new?employer=${encodeURIComponent(e.id)}`)}>{say("구인공고 등록", "Register an opening")}</a>
        <a class="krds-btn tertiary" href={href(view, "/employers")}>{say("구인업체 목록", "All employers")}</a>
      </div>
      <section aria-labelledby="business">
        <h2 id="business">{say("업체 정보", "Business")}</h2>
        <dl class="facts">
          <dt>{say("사업자등록번호", "Business number")}</dt><dd>{e.businessNumber}</dd>
          <dt>{say("업종", "Industry")}</dt><dd>{orNone(say, e.industry)}</dd>
          <dt>{say("소재지", "Location")}</dt><dd>{Codes.regionName(e.addressRegion, lang)}</dd>
          <dt>{say("주소", "Address")}</dt><dd>{orNone(say, e.address)}</dd>
          <dt>{say("규모", "Size")}</dt><dd>{Employer.employerSizeLabel(e.size, lang)}</dd>
          <dt>{say("발굴 경로", "Found through")}</dt><dd>{Employer.employerSourceLabel(e.source, lang)}</dd>
          <dt>{say("등록일", "Registered")}</dt><dd>{kstDate(e.registeredAt)}</dd>
          <dt>{say("메모", "Notes")}</dt><dd>{orNone(say, e.notes)}</dd>
        </dl>
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">{say("담당자", "Contact persons")}</h2>
        {e.contacts.length === 0 ? <Empty>{say("등록된 담당자가 없습니다.", "No contact person.")}</Empty> : (
          <Table caption={say("담당자: 이름, 직책, 전화번호, 이메일", "Contact persons: name, role, phone, e-mail")} head={<>
            <th scope="col">{say("이름", "Name")}</th>
            <th scope="col">{say("직책", "Role")}</th>
            <th scope="col">{say("전화번호", "Phone")}</th>
            <th scope="col">{say("이메일", "E-mail")}</th>
          </>}>
            {e.contacts.map((c) => (
              <tr>
                <td>{c.name}</td>
                <td>{orNone(say, c.role)}</td>
                <td>{c.phone === undefined ? say("없음", "None") : <a href={`tel:${c.phone}`}>{c.phone}</a>}</td>
                <td>{c.email === undefined ? say("없음", "None") : <a href={`mailto:${c.email}`}>{c.email}</a>}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="openings">
        <h2 id="openings">{say("구인공고", "Openings")}</h2>
        {openings.items.length === 0 ? <Empty>{say("등록된 구인공고가 없습니다.", "No opening yet.")}</Empty> : (
          <>
            {openings.total > openings.items.length
              ? <p>{say(`최근 ${openings.items.length}건 (전체 ${openings.total}건)`, `The latest ${openings.items.length} of ${openings.total}`)}</p>
              : null}
            <Table caption={say("이 업체의 구인공고: 공고명, 상태, 모집 인원, 공고일, 마감일", "This employer's openings: title, status, positions, opened, closes")} head={<>
              <th scope="col">{say("공고명", "Title")}</th>
              <th scope="col">{say("상태", "Status")}</th>
              <th scope="col">{say("모집 인원", "Positions")}</th>
              <th scope="col">{say("공고일", "Opened")}</th>
              <th scope="col">{say("마감일", "Closes")}</th>
            </>}>
              {openings.items.map(({ value: o }) => (
                <tr>
                  <td><a href={href(view, `/openings/${o.id}`)}>{o.title}</a></td>
                  <td><StatusBadge view={view} status={o.status} /></td>
                  <td>{say(`${o.headcount}명`, String(o.headcount))}</td>
                  <td>{o.openedOn}</td>
                  <td>{o.closesOn ?? say("채용 시 마감", "Until filled")}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
    </Page>
  )
}
