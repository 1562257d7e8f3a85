/**
 * Every storage port of `@iljari/core` over one JSON file: the example
 * adapter of docs/writing-an-adapter.md, and the proof that an adapter
 * written outside the repository passes the suites SQLite and PostgreSQL
 * pass (`@iljari/testing`'s `StorageSuite`).
 *
 * What it takes from core is what any adapter should take: the ports and
 * their models' schemas, the pure rules a finder must agree with (what a
 * search criterion matches and in which order, what a message "concerns",
 * what a redacted message keeps), and `ResultCounts.layerFromRepositories`,
 * core's count over the repositories for an adapter that has no cheaper way
 * to count. The storage itself — the encoded rows, versions, districts,
 * "at most one" rules, transactions, the outbox's leases, the file — is its
 * own: nothing of core's memory layers is reused.
 *
 * Good for a demo or a single counselor's laptop; a file rewritten on every
 * commit does not scale past a few thousand records.
 */
import {
  AccessRules,
  CenterSettings,
  Account,
  ApiToken,
  Audit,
  Cafes,
  Counseling,
  Counselor,
  DiscoveryVisit,
  Employer,
  Errors,
  FollowUp,
  Idempotency,
  type Ids,
  ImportStore,
  JobFair,
  MonitoringDecision,
  Opening,
  Outbox,
  Outreach,
  Partner,
  Placement,
  PsychTest,
  Referral,
  Repositories,
  Seeker,
  Session,
  StudyRooms,
  Survey,
  SurveyLink
} from "@iljari/core"
import { Context, DateTime, Duration, Effect, Either, Layer, Option, ParseResult, Schema } from "effect"
import { collection, paged } from "./Collection.js"
import * as JsonFile from "./JsonFile.js"

type DistrictId = Ids.DistrictId

const persistence = (operation: string) => (error: ParseResult.ParseError) =>
  new Errors.PersistenceError({ operation, reason: ParseResult.TreeFormatter.formatErrorSync(error) })

// The finders of a port: its store's filter, then core's own rule for what matches and in which order.
// With `page.after`, the page starts after that record wherever it now sorts (keyset), whether or not it
// still matches; an id the district does not have gives an empty page.
const searchOf = <A extends { readonly id: string }, E>(
  store: { readonly filter: (districtId: DistrictId, predicate: (a: A) => boolean) => Effect.Effect<Array<Repositories.Versioned<A>>, E> },
  districtId: DistrictId,
  passes: (a: A) => boolean,
  order: (a: A, b: A) => number,
  page?: Repositories.Page
) =>
  Effect.gen(function*() {
    const sorted = (yield* store.filter(districtId, passes)).sort((a, b) => order(a.value, b.value))
    const after = page?.after
    if (after === undefined) return { items: paged(sorted, page), total: sorted.length }
    const [anchor] = yield* store.filter(districtId, (a) => a.id === after)
    const following = anchor === undefined ? [] : sorted.filter((row) => order(row.value, anchor.value) > 0)
    return { items: paged(following, page), total: sorted.length }
  })

// The audit log: encoded entries, appended only.
const auditLog = (file: JsonFile.JsonFile): Audit.AuditLog["Type"] => {
  const encode = Schema.encodeEither(Schema.Array(Audit.AuditEntry))
  const decode = Schema.decodeUnknownEither(Schema.Array(Audit.AuditEntry))
  const appendAll = (entries: ReadonlyArray<Audit.AuditEntry>) =>
    JsonFile.change(file, (contents) =>
      Either.map(Either.mapLeft(encode(entries), persistence("append audit entries")), (encoded) =>
        [undefined, { ...contents, audit: [...contents.audit, ...encoded] }] as const))
  return {
    append: (entry) => appendAll([entry]),
    appendAll,
    list: (districtId, query = {}) =>
      JsonFile.read(file, (contents) =>
        Either.map(Either.mapLeft(decode(contents.audit), persistence("read audit entries")), (all) => {
          // Keyset: the entries appended after the one named (a missing one, or another district's, matches nothing).
          const start = query.after === undefined ? 0 : all.findIndex((e) => e.id === query.after && e.districtId === districtId) + 1
          const entries = query.after !== undefined && start === 0 ? [] : all.slice(start)
          return paged(
            entries.filter((e) =>
              e.districtId === districtId &&
              (query.subjectId === undefined || e.subjectId === query.subjectId) &&
              (query.actor === undefined || e.actor === query.actor) &&
              (query.from === undefined || DateTime.greaterThanOrEqualTo(e.at, query.from)) &&
              (query.before === undefined || DateTime.lessThan(e.at, query.before))
            ),
            query
          )
        }))
  }
}

// The outbox: encoded messages in queue order, each with the lease a dispatcher holds it under.
const outbox = (file: JsonFile.JsonFile): Outbox.Outbox["Type"] => {
  const encode = Schema.encodeEither(Outbox.OutboxMessage)
  const decodeMessage = Schema.decodeUnknownEither(Outbox.OutboxMessage)
  interface Entry {
    readonly message: Outbox.OutboxMessage
    readonly lease: Outbox.Lease | undefined
  }
  const decodeAll = (queued: ReadonlyArray<JsonFile.Queued>): Either.Either<Array<Entry>, Errors.PersistenceError> =>
    Either.all(queued.map((q) =>
      Either.map(Either.mapLeft(decodeMessage(q.data), persistence("read outbox")), (message): Entry => ({
        message,
        lease: q.lease === undefined ? undefined : { owner: q.lease.owner, until: DateTime.unsafeMake(q.lease.until) }
      }))
    ))
  const encodeAll = (entries: ReadonlyArray<Entry>): Either.Either<Array<JsonFile.Queued>, Errors.PersistenceError> =>
    Either.all(entries.map((e) =>
      Either.map(Either.mapLeft(encode(e.message), persistence("write outbox")), (data): JsonFile.Queued =>
        e.lease === undefined ? { data } : { data, lease: { owner: e.lease.owner, until: DateTime.formatIso(e.lease.until) } })
    ))
  // Reads the queue, lets `f` decide, writes the queue back.
  const changeQueue = <A, E>(f: (entries: Array<Entry>) => Either.Either<readonly [A, ReadonlyArray<Entry>], E>) =>
    JsonFile.change(file, (contents) =>
      Either.flatMap(decodeAll(contents.outbox), (entries) =>
        Either.flatMap(f(entries), ([a, next]) =>
          Either.map(encodeAll(next), (outbox) => [a, { ...contents, outbox }] as const))))

  return {
    enqueue: (message) =>
      changeQueue((entries) =>
        Either.right([
          undefined,
          entries.some((e) => e.message.idempotencyKey === message.idempotencyKey) ? entries : [...entries, { message, lease: undefined }]
        ] as const)
      ),
    list: (districtId, status) =>
      JsonFile.read(file, (contents) =>
        Either.map(decodeAll(contents.outbox), (entries) =>
          entries.map((e) => e.message).filter((m) => m.districtId === districtId && (status === undefined || m.status === status)))),
    claim: (worker, now, limit, leaseFor) =>
      changeQueue((entries) => {
        const lease: Outbox.Lease = { owner: worker, until: DateTime.addDuration(now, Duration.decode(leaseFor)) }
        const claimable = (e: Entry) =>
          e.message.status === "pending" &&
          (e.message.notBefore === undefined || DateTime.lessThanOrEqualTo(e.message.notBefore, now)) &&
          (e.lease === undefined || DateTime.lessThanOrEqualTo(e.lease.until, now))
        const claimed = new Set(entries.filter(claimable).slice(0, Math.max(0, limit)).map((e) => e.message))
        const next = entries.map((e) => (claimed.has(e.message) ? { ...e, lease } : e))
        return Either.right([{ lease, messages: [...claimed] }, next] as const)
      }),
    save: (lease, message) =>
      changeQueue((entries): Either.Either<readonly [void, ReadonlyArray<Entry>], Errors.NotFound | Outbox.LeaseLost> => {
        const index = entries.findIndex((e) => e.message.id === message.id && e.message.districtId === message.districtId)
        if (index === -1) return Either.left(new Errors.NotFound({ kind: "outbox message", id: message.id }))
        const { lease: held, message: current } = entries[index]!
        // Fenced: only the lease that holds a pending message may record its attempt.
        if (current.status !== "pending" || held === undefined || held.owner !== lease.owner || !DateTime.Equivalence(held.until, lease.until)) {
          return Either.left(
            new Outbox.LeaseLost({ id: message.id, worker: lease.owner, status: current.status, ...(held === undefined ? {} : { holder: held.owner }) })
          )
        }
        return Either.right([undefined, entries.map((e, i) => (i === index ? { message, lease: undefined } : e))] as const)
      }),
    redact: (districtId, seekerId) =>
      changeQueue((entries) => {
        let changed = 0
        const next = entries.map((e) => {
          if (e.message.districtId !== districtId || !Outbox.concerns(e.message, seekerId)) return e
          changed++
          return { message: Outbox.redacted(e.message), lease: undefined }
        })
        return Either.right([changed, next] as const)
      })
  }
}

// Idempotency keys: one entry per district, account and key, claimed under the file's lock.
const idempotency = (file: JsonFile.JsonFile): Idempotency.IdempotencyStore["Type"] => {
  const id = (scope: Idempotency.Scope, key: string) => `${scope.districtId}/${scope.accountId}/${key}`
  const entries = (contents: JsonFile.Contents) => contents.idempotency ?? {}
  const withEntries = (contents: JsonFile.Contents, next: { readonly [key: string]: JsonFile.IdempotencyRow }) =>
    ({ ...contents, idempotency: next })
  return {
    claim: (scope, key, fingerprint, now, expiresAt) =>
      JsonFile.change<Idempotency.Claim, never>(file, (contents) => {
        const row = entries(contents)[id(scope, key)]
        if (row === undefined || row.expiresAt <= DateTime.formatIso(now)) {
          const claimed: Idempotency.Claim = { _tag: "Claimed" }
          return Either.right([claimed, withEntries(contents, {
            ...entries(contents),
            [id(scope, key)]: { fingerprint, expiresAt: DateTime.formatIso(expiresAt) }
          })] as const)
        }
        const held: Idempotency.Claim = row.answer === undefined
          ? { _tag: "Pending", fingerprint: row.fingerprint }
          : { _tag: "Completed", fingerprint: row.fingerprint, answer: row.answer }
        return Either.right([held, contents] as const)
      }),
    complete: (scope, key, answer, expiresAt) =>
      JsonFile.change(file, (contents) => {
        const row = entries(contents)[id(scope, key)]
        return Either.right([undefined, row === undefined ? contents : withEntries(contents, { ...entries(contents), [id(scope, key)]: { ...row, answer, expiresAt: DateTime.formatIso(expiresAt) } })] as const)
      }),
    release: (scope, key) =>
      JsonFile.change(file, (contents) => {
        const { [id(scope, key)]: row, ...rest } = entries(contents)
        return Either.right([undefined, row === undefined || row.answer !== undefined ? contents : withEntries(contents, rest)] as const)
      }),
    purge: (before) =>
      JsonFile.change(file, (contents) => {
        const kept = Object.entries(entries(contents)).filter(([, row]) => row.expiresAt > DateTime.formatIso(before))
        return Either.right([Object.keys(entries(contents)).length - kept.length, withEntries(contents, Object.fromEntries(kept))] as const)
      }),
    forget: (districtId, texts) =>
      JsonFile.change(file, (contents) => {
        const kept = Object.entries(entries(contents)).filter(([k, row]) =>
          !(k.startsWith(`${districtId}/`) && row.answer !== undefined && texts.some((t) => row.answer!.body.includes(t))))
        return Either.right([Object.keys(entries(contents)).length - kept.length, withEntries(contents, Object.fromEntries(kept))] as const)
      })
  }
}

/** Every port but the period counts, over the file. */
const repositories = (file: JsonFile.JsonFile) => {
  const seekers = collection(file, "seeker", Seeker.Seeker)
  const employers = collection(file, "employer", Employer.Employer)
  const openings = collection(file, "opening", Opening.Opening)
  const counselings = collection(file, "counseling session", Counseling.Counseling)
  const referrals = collection(file, "referral", Referral.Referral, {
    key: (r) => (Referral.isActive(r.status) ? `${r.seekerId}/${r.openingId}` : undefined),
    conflict: (r, existing) => new Referral.ActiveReferralExists({ seekerId: r.seekerId, openingId: r.openingId, referralId: existing.id })
  })
  const placements = collection(file, "placement", Placement.Placement, {
    key: (p) => p.referralId,
    conflict: (p, existing) => new Placement.AlreadyPlaced({ referralId: p.referralId!, placementId: existing.id })
  })
  const followUps = collection(file, "follow-up check", FollowUp.Check)
  const participants = collection(file, "psychological test participant", PsychTest.Participant, {
    key: (p) => `${p.sessionId}/${p.seekerId}`,
    conflict: () => PsychTest.alreadyRegistered()
  })
  const demand = collection(file, "training demand answer", Partner.DemandResponse)
  const responses = collection(file, "survey response", Survey.Response)
  const surveyLinks = collection(file, "survey link", SurveyLink.Link)
  const bookings = collection(file, "study-room booking", StudyRooms.StoredBooking)
  const cafePrograms = collection(file, "job café program", Cafes.StoredProgram)
  const cafeSignUps = collection(file, "job café sign-up", Cafes.StoredSignUp)
  const accounts = collection(file, "account", Account.Account, {
    key: (a) => a.login,
    conflict: (a) => new Account.LoginTaken({ login: a.login }),
    acrossDistricts: true
  })
  const sessions = collection(file, "session", Session.Session)
  const tokens = collection(file, "API token", ApiToken.ApiToken)
  const rules = collection(file, "access rules", AccessRules.Rules)
  const settings = collection(file, "center settings", CenterSettings.Settings)
  // A store with no finders of its own.
  const plain = <A extends { readonly id: string; readonly districtId: DistrictId }, I>(kind: string, schema: Schema.Schema<A, I>) =>
    strip(collection(file, kind, schema))
  // The store methods alone, without the helpers a port's finders are written with.
  const strip = <S extends { readonly filter: unknown; readonly find: unknown }>({ filter: _f, find: _g, ...store }: S) => store

  return {
    SeekerRepository: {
      ...strip(seekers),
      listByCounselor: (districtId, counselorId, page) =>
        Effect.map(seekers.filter(districtId, (s) => s.counselorId === counselorId), (rows) => paged(rows, page)),
      search: (districtId, criteria, page) =>
        searchOf(seekers, districtId, Seeker.meets(criteria), Seeker.searchOrder(criteria), page),
      findPossibleDuplicates: (districtId, probe) =>
        seekers.filter(districtId, (s) =>
          s.name === probe.name && ((probe.phone !== undefined && s.contact.phone === probe.phone) || s.birthDate === probe.birthDate)),
      listPossibleDuplicates: (districtId) =>
        Effect.map(seekers.filter(districtId, () => true), (rows) => {
          const shared = new Set(Seeker.sharingIdentity(rows.map((row) => row.value)))
          return rows.filter((row) => shared.has(row.value))
        })
    },
    EmployerRepository: {
      ...strip(employers),
      search: (districtId, criteria, page) =>
        searchOf(employers, districtId, Employer.employerMeets(criteria), Employer.employerOrder(criteria), page)
    },
    OpeningRepository: {
      ...strip(openings),
      listByEmployer: (districtId, employerId) => openings.filter(districtId, (o) => o.employerId === employerId),
      search: (districtId, criteria, page) =>
        searchOf(openings, districtId, Opening.openingMeets(criteria), Opening.openingOrder(criteria), page)
    },
    CounselorRepository: plain("counselor", Counselor.Counselor),
    CounselingRepository: {
      ...strip(counselings),
      listBySeeker: (districtId, seekerId) => counselings.filter(districtId, (c) => c.seekerId === seekerId),
      listHeldBetween: (districtId, from, to) => counselings.filter(districtId, (c) => c.heldOn >= from && c.heldOn <= to)
    },
    ReferralRepository: {
      ...strip(referrals),
      listBySeeker: (districtId, seekerId) => referrals.filter(districtId, (r) => r.seekerId === seekerId),
      search: (districtId, filter, page) =>
        searchOf(referrals, districtId, Referral.passes(filter), Referral.newestFirst, page)
    },
    PlacementRepository: {
      ...strip(placements),
      findByReferral: (districtId, referralId) =>
        Effect.map(placements.filter(districtId, (p) => p.referralId === referralId), (rows) => Option.fromNullable(rows[0])),
      listBySeeker: (districtId, seekerId) => placements.filter(districtId, (p) => p.seekerId === seekerId),
      listStartedBetween: (districtId, from, to) => placements.filter(districtId, (p) => p.startOn >= from && p.startOn <= to),
      search: (districtId, filter, page) =>
        searchOf(placements, districtId, Placement.passes(filter), Placement.newestFirst, page)
    },
    FollowUpRepository: {
      ...strip(followUps),
      listByCounselor: (districtId, counselorId) => followUps.filter(districtId, (c) => c.counselorId === counselorId),
      listByPlacement: (districtId, placementId) => followUps.filter(districtId, (c) => c.placementId === placementId)
    },
    JobFairRepository: plain("job fair", JobFair.JobFair),
    OutreachSessionRepository: plain("outreach session", Outreach.Session),
    DiscoveryVisitRepository: plain("discovery visit", DiscoveryVisit.Visit),
    PsychTestSessionRepository: plain("psychological test session", PsychTest.Session),
    CafeRepository: plain("job café", Cafes.StoredCafe),
    CafeProgramRepository: {
      ...strip(cafePrograms),
      listByCafe: (districtId, cafeId) => cafePrograms.filter(districtId, (p) => p.cafeId === cafeId),
      listBetween: (districtId, from, to) => cafePrograms.filter(districtId, (p) => p.on >= from && p.on <= to)
    },
    CafeSignUpRepository: {
      ...strip(cafeSignUps),
      listByProgram: (districtId, programId) => cafeSignUps.filter(districtId, (s) => s.programId === programId),
      listByPeople: (districtId, personIds) => cafeSignUps.filter(districtId, (s) => personIds.includes(s.personId))
    },
    PsychTestParticipantRepository: {
      ...strip(participants),
      listBySession: (districtId, sessionId) => participants.filter(districtId, (p) => p.sessionId === sessionId),
      listBySeeker: (districtId, seekerId) => participants.filter(districtId, (p) => p.seekerId === seekerId)
    },
    PartnerRepository: plain("partner", Partner.Partner),
    TrainingDemandRepository: {
      ...strip(demand),
      listBySeeker: (districtId, seekerId) => demand.filter(districtId, (a) => a.seekerId === seekerId)
    },
    QuestionnaireRepository: plain("questionnaire", Survey.Questionnaire),
    MonitoringDecisionRepository: plain("monitoring decision", MonitoringDecision.Decision),
    SurveyLinkRepository: {
      ...strip(surveyLinks),
      findByDigest: (digest) => surveyLinks.find((l) => l.digest === digest),
      listByQuestionnaire: (districtId, questionnaireId) => surveyLinks.filter(districtId, (l) => l.questionnaireId === questionnaireId),
      listBySeeker: (districtId, seekerId) => surveyLinks.filter(districtId, (l) => l.seekerId === seekerId)
    },
    SurveyResponseRepository: {
      ...strip(responses),
      listBySeeker: (districtId, seekerId) => responses.filter(districtId, (r) => r.seekerId === seekerId)
    },
    StudyRoomBookingRepository: {
      ...strip(bookings),
      listOn: (districtId, on) => bookings.filter(districtId, (b) => b.on === on),
      listByPeople: (districtId, personIds) => bookings.filter(districtId, (b) => personIds.includes(b.personId))
    },
    AccountRepository: {
      ...strip(accounts),
      findByLogin: (login) => accounts.find((a) => a.login === login),
      findByExternalId: (externalId) => accounts.find((a) => a.externalId === externalId)
    },
    SessionRepository: { ...strip(sessions), findByDigest: (digest) => sessions.find((s) => s.digest === digest) },
    ApiTokenRepository: { ...strip(tokens), findByDigest: (digest) => tokens.find((t) => t.digest === digest) },
    AccessRulesRepository: { get: rules.get, insert: rules.insert, update: rules.update },
    CenterSettingsRepository: { get: settings.get, insert: settings.insert, update: settings.update },
    AuditLog: auditLog(file),
    Outbox: outbox(file),
    IdempotencyStore: idempotency(file),
    // One process owns the file, so its rate limits are counted in that process.
    RateLimits: rateLimits(),
    Transactor: {
      withTransaction: JsonFile.withTransaction(file),
      // The transaction holds the file's one lock already: decisions are taken one at a time.
      lock: (_key) => Effect.void,
      // Every commit rewrites the whole file: no old copy of a record is left in it.
      shred: Effect.void
    }
  } satisfies Omit<Repositories.Implementations, "ResultCounts" | "ImportStore">
}

// Import mappings: one per district and ledger, under the file's lock like every change.
const importMappings = (file: JsonFile.JsonFile) => {
  const id = (districtId: DistrictId, ledger: string) => `${districtId}/${ledger}`
  const decode = Schema.decodeUnknownOption(ImportStore.SavedMapping)
  return {
    saveMapping: (districtId: DistrictId, ledger: string, mapping: ImportStore.SavedMapping) =>
      JsonFile.change(file, (contents) =>
        Either.right([undefined, {
          ...contents,
          importMappings: { ...contents.importMappings, [id(districtId, ledger)]: Schema.encodeSync(ImportStore.SavedMapping)(mapping) }
        }] as const)),
    mappingOf: (districtId: DistrictId, ledger: string) =>
      JsonFile.read(file, (contents) => Effect.succeed(Option.flatMap(Option.fromNullable(contents.importMappings?.[id(districtId, ledger)]), decode)))
  }
}

const rateLimits = (): Repositories.RateLimits["Type"] => {
  const counters = new Map<string, { readonly windowStart: number; readonly count: number }>()
  return {
    hit: (key, windowStart) =>
      Effect.sync(() => {
        const current = counters.get(key)
        const count = current !== undefined && current.windowStart === windowStart ? current.count + 1 : 1
        counters.set(key, { windowStart, count })
        return count
      })
  }
}

/**
 * The file the store keeps: for a test that reads what is on disk.
 */
export class File extends Context.Tag("@iljari/example-json-store/File")<File, JsonFile.JsonFile>() {}

/**
 * Every storage port over the JSON file at `path` (created at the first
 * write), and the file itself.
 */
export const layer = (path: string): Layer.Layer<Repositories.Ports | File, Errors.PersistenceError> =>
  Layer.effectContext(Effect.gen(function*() {
    const file = yield* JsonFile.open(path)
    const ports = repositories(file)
    // Core's count over the repositories: this store has no cheaper way to count.
    const counts = yield* Repositories.ResultCounts.pipe(
      Effect.provide(Repositories.ResultCounts.layerFromRepositories),
      Effect.provideService(Repositories.SeekerRepository, ports.SeekerRepository),
      Effect.provideService(Repositories.OpeningRepository, ports.OpeningRepository),
      Effect.provideService(Repositories.PlacementRepository, ports.PlacementRepository),
      Effect.provideService(Repositories.CounselingRepository, ports.CounselingRepository)
    )
    // Core's import over the repositories: the same rules, a record at a time.
    const write = yield* ImportStore.ImportStore.writeFromRepositories.pipe(
      Effect.provideService(Repositories.SeekerRepository, ports.SeekerRepository),
      Effect.provideService(Repositories.EmployerRepository, ports.EmployerRepository),
      Effect.provideService(Repositories.OpeningRepository, ports.OpeningRepository),
      Effect.provideService(Repositories.PlacementRepository, ports.PlacementRepository),
      Effect.provideService(Repositories.FollowUpRepository, ports.FollowUpRepository),
      Effect.provideService(Repositories.Transactor, ports.Transactor)
    )
    return Repositories.context({ ...ports, ResultCounts: counts, ImportStore: { write, ...importMappings(file) } }).pipe(
      Context.add(File, file)
    )
  }))

/**
 * Every text in the file as it is on disk, with its place in the JSON: what
 * an erasure must leave clean.
 */
export const texts = (file: JsonFile.JsonFile): Effect.Effect<ReadonlyArray<{ readonly where: string; readonly text: string }>, Errors.PersistenceError> =>
  Effect.map(JsonFile.onDisk(file), (contents) => {
    const found: Array<{ where: string; text: string }> = []
    const walk = (where: string, value: unknown): void => {
      if (typeof value === "string") found.push({ where, text: value })
      else if (Array.isArray(value)) value.forEach((v, i) => walk(`${where}[${i}]`, v))
      else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v)
    }
    walk("$", contents)
    return found
  })
