/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 관리: the district's staff accounts and their roles (administrators:
 * `accounts.manage`), the center's settings (administrators) and the access records by person and period (managers
 * and administrators: `audit.read`), with core's `Accounts` and `AccessLog`
 * use cases, which check the role again and record every change. A
 * counselor gets neither, and the page refuses them.
 *
 * - `GET /admin?from=&to=&account=`: the accounts, and the access records
 *   of a period (the last seven days by default), at most 200 shown.
 * - `GET /admin/access-records.csv?from=&to=&account=`: every record of the
 *   period, as CSV for Excel.
 * - `POST /admin/accounts`, `POST /admin/accounts/:id/role|status|password|second-factor`.
 * - `POST /admin/settings`: the center's settings (administrators:
 *   `settings.manage`) — the follow-up policy for placements recorded from
 *   then on, the growth a plan assumes, and the center's closure days.
 */
import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { AccessLog, Account, Accounts, Audit, CenterSettings, Ids, JobCenter, LocalDate, Roles, type Staff } from "@iljari/core"
import { Effect, Either, Redacted, Schema } from "effect"
import type { Form } from "../http/Form.js"
import type { Handler, Routes, Services } from "../http/Handler.js"
import { pathId, query } from "../http/Params.js"
import { html, pageHeaders } from "../http/Respond.js"
import { redirect, staffPage } from "../http/Route.js"
import { NotPermitted, type Signed } from "../http/Signed.js"
import { kst } from "../ui/Format.js"
import { CsrfField, Page } from "../ui/Layout.js"
import { Empty, Table } from "../ui/Lists.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"

const titleOf = (view: View) => view.say("관리", "Administration")

const staffOf = (signedIn: Signed): Staff.Staff => ({ ...signedIn.actor, role: signedIn.role })
const managesAccounts = (signedIn: Signed) => Roles.can(signedIn.role, "accounts.manage")
const managesSettings = (signedIn: Signed) => Roles.can(signedIn.role, "settings.manage")
const readsRecords = (signedIn: Signed) => Roles.can(signedIn.role, "audit.read")

const mayAdminister = (signedIn: Signed) =>
  managesAccounts(signedIn) || readsRecords(signedIn) ? Effect.void : Effect.fail(new NotPermitted())

// The roles of a district's staff; a city analyst's account is the city's, not made here.
const staffRoles = ["counselor", "manager", "admin"] as const


const Period = Schema.Struct({ from: LocalDate.LocalDate, to: LocalDate.LocalDate })
const decodePeriod = Schema.decodeUnknownEither(Period)

/** The period and person of the access records asked for (the last seven days, everyone, by default). */
const recordsQuery = Effect.gen(function*() {
  const params = yield* query
  const today = yield* JobCenter.today
  const asked = { from: params.get("from") ?? LocalDate.addDays(today, -6), to: params.get("to") ?? today }
  const period = decodePeriod(asked)
  const account = params.get("account") ?? ""
  return { asked, account, period: Either.isRight(period) && period.right.from <= period.right.to ? period.right : undefined }
})

const recordsOf = (signedIn: Signed, period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }, account: string, limit?: number) =>
  AccessLog.accessRecords(staffOf(signedIn), {
    ...(account === "" ? {} : { actor: account as Ids.CounselorId }),
    from: LocalDate.startInKorea(period.from),
    before: LocalDate.startInKorea(LocalDate.addDays(period.to, 1)),
    ...(limit === undefined ? {} : { limit })
  })

const shownRecords = 200

const AccountRow = ({ view, account, self }: { readonly view: View; readonly account: Account.View & { readonly hasSecondFactor: boolean }; readonly self: boolean }) => {
  const { say, lang } = view
  const id = `account-${account.id}`
  const post = (action: string) => href(view, `/admin/accounts/${account.id}/${action}`)
  return (
    <tr>
      <th scope="row">{account.name}</th>
      <td>{account.login}</td>
      <td>
        {self ? Roles.roleLabel(account.role, lang) : (
          <form method="post" action={post("role")} class="admin-inline">
            <CsrfField view={view} />
            <label for={`${id}-role`} class="visually-hidden">{say(`${account.name}의 역할`, `${account.name}'s role`)}</label>
            <select class="krds-form-select small" id={`${id}-role`} name="role">
              {staffRoles.map((r) => <option value={r} selected={r === account.role}>{Roles.roleLabel(r, lang)}</option>)}
            </select>
            <button type="submit" class="krds-btn xsmall secondary">{say("역할 변경", "Change")}</button>
          </form>
        )}
      </td>
      <td>
        {Account.accountStatusLabel(account.status, lang)}
        {self ? null : (
          <form method="post" action={post("status")} class="admin-inline">
            <CsrfField view={view} />
            <input type="hidden" name="status" value={account.status === "disabled" ? "active" : "disabled"} />
            <button type="submit" class="krds-btn xsmall secondary">
              {account.status === "disabled" ? say(`${account.name} 다시 사용`, `Enable ${account.name}`) : say(`${account.name} 사용 중지`, `Disable ${account.name}`)}
            </button>
          </form>
        )}
      </td>
      <td>
        {account.hasSecondFactor ? say("등록됨", "Enrolled") : say("없음", "None")}
        {!account.hasSecondFactor || self ? null : (
          <form method="post" action={post("second-factor")} class="admin-inline">
            <CsrfField view={view} />
            <button type="submit" class="krds-btn xsmall secondary">{say(`${account.name} 2단계 인증 초기화`, `Reset ${account.name}'s second factor`)}</button>
          </form>
        )}
      </td>
      <td>
        {self ? null : (
          <form method="post" action={post("password")} class="admin-inline">
            <CsrfField view={view} />
            <label for={`${id}-password`} class="visually-hidden">{say(`${account.name}의 새 임시 비밀번호`, `A new temporary password for ${account.name}`)}</label>
            <input class="krds-input small" type="password" id={`${id}-password`} name="password" autocomplete="new-password" required />
            <button type="submit" class="krds-btn xsmall secondary">{say("재설정", "Reset")}</button>
          </form>
        )}
      </td>
    </tr>
  )
}

/** The settings form's closure days: one a line, `YYYY-MM-DD name`. */
const closuresText = (closures: ReadonlyArray<CenterSettings.Closure>) => closures.map((c) => `${c.on} ${c.name}`).join("\n")

const closuresOf = (text: string) =>
  text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "").map((line) => {
    const [on = "", ...name] = line.split(/\s+/)
    return { on, name: name.join(" ") }
  })

/** The settings in force, with the closure days kept (which the calendar in force holds among the holidays). */
type SettingsShown = CenterSettings.Effective & { readonly closures: ReadonlyArray<CenterSettings.Closure> }

const SettingsForm = ({ view, settings, typed }: {
  readonly view: View
  readonly settings: SettingsShown
  readonly typed?: Readonly<Record<string, string>> | undefined
}) => {
  const { say } = view
  const value = (name: string, current: string) => typed?.[name] ?? current
  return (
    <section aria-labelledby="settings">
      <h2 id="settings">{say("센터 설정", "The center's settings")}</h2>
      <form method="post" action={href(view, "/admin/settings")} class="card targets-ask">
        <CsrfField view={view} />
        <p>{say("바뀐 사후관리 기간은 이후에 기록하는 취업부터 적용됩니다. 이미 잡힌 일정은 그대로입니다.", "A changed follow-up policy applies to placements recorded from now on; the checks already scheduled stay.")}</p>
        <div class="targets-fields">
          <div><label for="months">{say("사후관리 기간 (개월)", "Follow-up period (months)")}</label><input class="krds-input" type="number" id="months" name="months" min="1" max="36" value={value("months", String(settings.followUpPolicy.months))} required /></div>
          <div><label for="intervalMonths">{say("통화 간격 (개월)", "Between calls (months)")}</label><input class="krds-input" type="number" id="intervalMonths" name="intervalMonths" min="1" max="12" value={value("intervalMonths", String(settings.followUpPolicy.intervalMonths))} required /></div>
          <div><label for="growthPercent">{say("목표 계획 증가율 (%)", "Growth a plan assumes (%)")}</label><input class="krds-input" type="number" id="growthPercent" name="growthPercent" step="0.1" value={value("growthPercent", String(settings.growthPercent))} required /></div>
        </div>
        <label for="closures">{say("센터 휴무일 (한 줄에 하나: 2026-10-15 구청 개청기념일)", "Closure days (one a line: 2026-10-15 District anniversary)")}</label>
        <textarea class="krds-input" id="closures" name="closures" rows={3}>{value("closures", closuresText(settings.closures))}</textarea>
        <button type="submit" class="krds-btn small">{say("설정 저장", "Save the settings")}</button>
      </form>
    </section>
  )
}

const AdminPage = ({ view, accounts, settings, typedSettings, records, asked, account, names, notice, problem, newAccount }: {
  readonly view: View
  readonly settings: SettingsShown | undefined
  readonly typedSettings?: Readonly<Record<string, string>> | undefined
  readonly accounts: ReadonlyArray<Account.View & { readonly hasSecondFactor: boolean }> | undefined
  readonly records: ReadonlyArray<Audit.AuditEntry> | undefined
  readonly asked: { readonly from: string; readonly to: string }
  readonly account: string
  readonly names: Readonly<Record<string, string>>
  readonly notice?: string | undefined
  readonly problem?: string | undefined
  readonly newAccount?: Readonly<Record<string, string>> | undefined
}) => {
  const { say, lang } = view
  const csv = new URLSearchParams({ from: asked.from, to: asked.to, ...(account === "" ? {} : { account }) }).toString()
  return (
    <Page view={view} title={titleOf(view)}>
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      {problem === undefined ? null : <p class="notice error" role="alert">{problem}</p>}
      {accounts === undefined ? null : (
        <section aria-labelledby="accounts">
          <h2 id="accounts">{say("계정과 권한", "Accounts and roles")}</h2>
          <Table caption={say("직원 계정", "Staff accounts")} hideCaption head={<>
            <th scope="col">{say("이름", "Name")}</th>
            <th scope="col">{say("아이디", "Sign-in name")}</th>
            <th scope="col">{say("역할", "Role")}</th>
            <th scope="col">{say("상태", "Status")}</th>
            <th scope="col">{say("2단계 인증", "Second factor")}</th>
            <th scope="col">{say("비밀번호", "Password")}</th>
          </>}>
            {accounts.map((a) => <AccountRow view={view} account={a} self={a.id === view.who?.id} />)}
          </Table>
          <form method="post" action={href(view, "/admin/accounts")} class="card targets-ask">
            <CsrfField view={view} />
            <h3>{say("새 계정", "New account")}</h3>
            <div class="targets-fields">
              <div><label for="new-login">{say("아이디", "Sign-in name")}</label><input class="krds-input" id="new-login" name="login" value={newAccount?.["login"] ?? ""} required /></div>
              <div><label for="new-name">{say("이름", "Name")}</label><input class="krds-input" id="new-name" name="name" value={newAccount?.["name"] ?? ""} required /></div>
              <div>
                <label for="new-role">{say("역할", "Role")}</label>
                <select class="krds-form-select" id="new-role" name="role">
                  {staffRoles.map((r) => <option value={r} selected={r === (newAccount?.["role"] ?? "counselor")}>{Roles.roleLabel(r, lang)}</option>)}
                </select>
              </div>
              <div><label for="new-password">{say("임시 비밀번호", "Temporary password")}</label><input class="krds-input" type="password" id="new-password" name="password" autocomplete="new-password" required /></div>
            </div>
            <button type="submit" class="krds-btn small">{say("계정 만들기", "Create the account")}</button>
          </form>
        </section>
      )}
      {settings === undefined ? null : <SettingsForm view={view} settings={settings} typed={typedSettings} />}
      {records === undefined ? null : (
        <section aria-labelledby="records">
          <h2 id="records">{say("접속기록", "Access records")}</h2>
          <form method="get" action={href(view, "/admin")} class="card targets-ask">
            <div class="targets-fields">
              <div><label for="from">{say("시작일", "From")}</label><input class="krds-input" type="date" id="from" name="from" value={asked.from} required /></div>
              <div><label for="to">{say("종료일", "To")}</label><input class="krds-input" type="date" id="to" name="to" value={asked.to} required /></div>
              <div>
                <label for="account">{say("사용자", "Staff member")}</label>
                <select class="krds-form-select" id="account" name="account">
                  <option value="">{say("모두", "Everyone")}</option>
                  {Object.entries(names).map(([id, name]) => <option value={id} selected={id === account}>{name}</option>)}
                </select>
              </div>
            </div>
            <button type="submit" class="krds-btn small">{say("접속기록 보기", "Show the records")}</button>
          </form>
          <p>
            <a class="krds-btn secondary small" href={href(view, `/admin/access-records.csv?${csv}`)} download>{say("기간 전체 CSV 내려받기", "Download the whole period as CSV")}</a>
          </p>
          {records.length === 0 ? <Empty>{say("이 기간의 접속기록이 없습니다.", "No record in this period.")}</Empty> : (
            <Table caption={say(`접속기록 ${asked.from} ~ ${asked.to} (앞의 ${shownRecords}건까지)`, `Access records ${asked.from} to ${asked.to} (the first ${shownRecords} at most)`)} head={<>
              <th scope="col">{say("일시", "When")}</th>
              <th scope="col">{say("사용자", "Who")}</th>
              <th scope="col">{say("행위", "Action")}</th>
              <th scope="col">{say("대상", "Whose record")}</th>
              <th scope="col">{say("목적", "Purpose")}</th>
              <th scope="col">{say("접속지", "From")}</th>
            </>}>
              {records.map((e) => (
                <tr>
                  <td>{kst(e.at)}</td>
                  <td>{names[e.actor] ?? e.actor}</td>
                  <td>{Audit.auditActionLabel(e.action, lang)}</td>
                  <td>{`${e.subjectKind} ${e.subjectId}`}</td>
                  <td>{e.purpose}</td>
                  <td>{e.origin ?? ""}</td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      )}
    </Page>
  )
}

const done = {
  created: { ko: "계정을 만들었습니다.", en: "The account is created." },
  role: { ko: "역할을 바꿨습니다. 그 직원의 로그인은 모두 끝났습니다.", en: "The role is changed; the staff member's sessions have ended." },
  status: { ko: "계정 상태를 바꿨습니다.", en: "The account's status is changed." },
  password: { ko: "비밀번호를 재설정했습니다. 직원에게 따로 알려 주세요.", en: "The password is reset; tell the staff member separately." },
  "second-factor": { ko: "2단계 인증을 초기화했습니다. 다음 로그인 때 다시 등록합니다.", en: "The second factor is reset; they enrol again at their next sign-in." },
  settings: { ko: "센터 설정을 저장했습니다.", en: "The settings are saved." }
} as const

const adminPage = (signedIn: Signed, options: {
  readonly problem?: string
  readonly newAccount?: Readonly<Record<string, string>>
  readonly typedSettings?: Readonly<Record<string, string>>
  readonly status?: number
} = {}) =>
  Effect.gen(function*() {
    const { view } = signedIn
    const accounts = managesAccounts(signedIn) ? yield* Accounts.list(staffOf(signedIn)) : undefined
    const settings = managesSettings(signedIn) ? yield* settingsOf(signedIn) : undefined
    const { account, asked, period } = yield* recordsQuery
    const records = !readsRecords(signedIn) ? undefined : period === undefined ? [] : yield* recordsOf(signedIn, period, account, shownRecords)
    const step = (yield* query).get("done")
    const notice = step !== null && step in done ? done[step as keyof typeof done][view.lang] : undefined
    const problem = options.problem ?? (period === undefined && readsRecords(signedIn)
      ? view.say("기간을 2026-12-01처럼 날짜로, 종료일이 시작일보다 앞서지 않게 넣으세요.", "Give the period as dates such as 2026-12-01, the end not before the start.")
      : undefined)
    return yield* html(
      <AdminPage
        view={view}
        accounts={accounts}
        settings={settings}
        typedSettings={options.typedSettings}
        records={records}
        asked={asked}
        account={account}
        names={yield* Accounts.names(signedIn.actor.districtId)}
        notice={notice}
        problem={problem}
        newAccount={options.newAccount}
      />,
      { status: options.status ?? (problem === undefined ? 200 : 400) }
    )
  })

// The settings in force, and the closure days kept with them.
const settingsOf = (signedIn: Signed) =>
  Effect.gen(function*() {
    const districtId = signedIn.actor.districtId
    const inForce = yield* CenterSettings.effective(districtId, yield* JobCenter.Config)
    const kept = yield* CenterSettings.of(districtId)
    return { ...inForce, closures: kept._tag === "Some" ? kept.value.value.closures : [] }
  })

const saveSettings: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    if (!managesSettings(signedIn)) return yield* Effect.fail(new NotPermitted())
    const typed = {
      months: form.get("months") ?? "",
      intervalMonths: form.get("intervalMonths") ?? "",
      growthPercent: form.get("growthPercent") ?? "",
      closures: form.get("closures") ?? ""
    }
    const number = (text: string) => (text === "" ? Number.NaN : Number(text))
    const attempt = yield* Effect.either(CenterSettings.set(signedIn.actor, {
      followUpPolicy: { months: number(typed.months), intervalMonths: number(typed.intervalMonths) },
      growthPercent: number(typed.growthPercent),
      closures: closuresOf(typed.closures)
    }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, "/admin?done=settings"))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems = attempt.left.issues.map((issue) => `${issue.path}: ${ruleIn(signedIn.view.say, issue.message)}`)
    return yield* adminPage(signedIn, { problem: problems.join(" "), typedSettings: typed, status: 422 })
  }))

const showAdmin: Handler = staffPage((signedIn) => Effect.zipRight(mayAdminister(signedIn), adminPage(signedIn)))

const accessRecordsCsv: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    yield* mayAdminister(signedIn)
    const { account, period } = yield* recordsQuery
    if (period === undefined) return yield* adminPage(signedIn)
    const entries = yield* recordsOf(signedIn, period, account)
    return HttpServerResponse.text(AccessLog.csvOf(entries), {
      contentType: "text/csv; charset=utf-8",
      headers: { ...pageHeaders, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`접속기록-${period.from}-${period.to}.csv`)}` }
    })
  }))

const accountIdOf = pathId(Ids.CounselorId)

/** A change to one account: the use case, then the page with a notice, or the page with the refusal. */
const change = <E extends { readonly _tag: string }, R extends Services>(
  name: Exclude<keyof typeof done, "created">,
  run: (staff: Staff.Staff, id: Ids.CounselorId, form: Form) => Effect.Effect<unknown, E, R>
) =>
  staffPage((signedIn, form) =>
    Effect.gen(function*() {
      yield* mayAdminister(signedIn)
      const attempt = yield* Effect.either(run(staffOf(signedIn), yield* accountIdOf, form))
      if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/admin?done=${name}`))
      const error = attempt.left as unknown as { readonly _tag: string; readonly message?: string }
      if (error._tag === "ValidationError") {
        const problems = problemsOf(signedIn.view.say, attempt.left as never)
        return yield* adminPage(signedIn, { problem: Object.values(problems).join(" "), status: 422 })
      }
      return yield* Effect.fail(attempt.left)
    }))

const changeRole = change("role", (staff, id, form) => Accounts.changeRole(staff, id, (form.get("role") ?? "") as Roles.Role))
const changeStatus = change("status", (staff, id, form) =>
  Accounts.changeStatus(staff, id, form.get("status") === "active" ? "active" : "disabled"))
const resetPassword = change("password", (staff, id, form) => Accounts.resetPassword(staff, id, Redacted.make(form.get("password") ?? "")))
const resetSecondFactor = change("second-factor", (staff, id) => Accounts.resetSecondFactor(staff, id))

const createAccount: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    yield* mayAdminister(signedIn)
    const typed = { login: form.get("login") ?? "", name: form.get("name") ?? "", role: form.get("role") ?? "counselor" }
    const attempt = yield* Effect.either(Accounts.create(staffOf(signedIn), { ...typed, password: form.get("password") ?? "" }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, "/admin?done=created"))
    const error = attempt.left
    const problem = error._tag === "ValidationError"
      ? Object.values(problemsOf(signedIn.view.say, error)).join(" ")
      : error._tag === "LoginTaken"
      ? signedIn.view.say(`아이디 ${typed.login}은(는) 이미 사용 중입니다.`, `The sign-in name ${typed.login} is taken.`)
      : undefined
    if (problem === undefined) return yield* Effect.fail(error)
    return yield* adminPage(signedIn, { problem, newAccount: typed, status: 422 })
  }))

export const adminRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/admin", showAdmin),
  HttpRouter.get("/admin/access-records.csv", accessRecordsCsv),
  HttpRouter.post("/admin/accounts", createAccount),
  HttpRouter.post("/admin/settings", saveSettings),
  HttpRouter.post("/admin/accounts/:id/role", changeRole),
  HttpRouter.post("/admin/accounts/:id/status", changeStatus),
  HttpRouter.post("/admin/accounts/:id/password", resetPassword),
  HttpRouter.post("/admin/accounts/:id/second-factor", resetSecondFactor)
)
