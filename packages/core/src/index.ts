/**
 * iljari (일자리): the domain of Korean district job centers as typed
 * Effect schemas, pure rules, ports and use cases.
 *
 * @since 0.1.0
 */

/** @since 0.3.0 */
export * as AccessLog from "./privacy/AccessLog.js"

/** @since 0.3.0 */
export * as AccessRules from "./access/AccessRules.js"

/** @since 0.3.0 */
export * as Account from "./access/Account.js"

/** @since 0.3.0 */
export * as Accounts from "./access/Accounts.js"

/** @since 0.3.0 */
export * as ApiToken from "./access/ApiToken.js"

/** @since 0.1.0 */
export * as Assignment from "./matching/Assignment.js"

/** @since 0.1.0 */
export * as Audit from "./kernel/Audit.js"

/** @since 0.1.0 */
export * as BusinessCalendar from "./kernel/BusinessCalendar.js"

/** @since 0.3.0 */
export * as Caseload from "./registry/Caseload.js"

/** @since 0.3.0 */
export * as CaseFile from "./casework/CaseFile.js"

/** @since 0.3.0 */
export * as Desk from "./targets/Desk.js"

/** @since 0.1.0 */
export * as Codes from "./kernel/Codes.js"

/** @since 0.1.0 */
export * as Consent from "./kernel/Consent.js"

/** @since 0.1.0 */
export * as Contact from "./kernel/Contact.js"

/** @since 0.1.0 */
export * as Counseling from "./casework/Counseling.js"

/** @since 0.1.0 */
export * as Counselor from "./registry/Counselor.js"

/** @since 0.1.0 */
export * as DiscoveryVisit from "./events/DiscoveryVisit.js"

/** @since 0.1.0 */
export * as Eligibility from "./eligibility/Eligibility.js"

/** @since 0.1.0 */
export * as Employer from "./registry/Employer.js"

/** @since 0.3.0 */
export * as EmployerSearch from "./registry/EmployerSearch.js"

/** @since 0.3.0 */
export * as Enrolment from "./access/Enrolment.js"

/** @since 0.2.0 */
export * as Erasure from "./privacy/Erasure.js"

/** @since 0.1.0 */
export * as Errors from "./kernel/Errors.js"

/** @since 0.2.0 */
export * as Events from "./events/Events.js"

/** @since 0.1.0 */
export * as FollowUp from "./casework/FollowUp.js"

/** @since 0.3.0 */
export * as Hangul from "./kernel/Hangul.js"

/** @since 0.1.0 */
export * as Ids from "./kernel/Ids.js"

/** @since 0.1.0 */
export * as JobCafe from "./cafes/JobCafe.js"

/** @since 0.1.0 */
export * as JobCenter from "./JobCenter.js"

/** @since 0.1.0 */
export * as JobFair from "./events/JobFair.js"

/** @since 0.3.0 */
export * as LedgerExport from "./casework/LedgerExport.js"

/** @since 0.1.0 */
export * as LocalDate from "./kernel/LocalDate.js"

/** @since 0.1.0 */
export * as Match from "./matching/Match.js"

/** @since 0.1.0 */
export * as Mismatch from "./matching/Mismatch.js"

/** @since 0.1.0 */
export * as Monitoring from "./casework/Monitoring.js"

/** @since 0.1.0 */
export * as Notifier from "./kernel/Notifier.js"

/** @since 0.1.0 */
export * as Opening from "./registry/Opening.js"

/** @since 0.1.0 */
export * as Outbox from "./kernel/Outbox.js"

/** @since 0.1.0 */
export * as Outreach from "./events/Outreach.js"

/** @since 0.1.0 */
export * as Partner from "./events/Partner.js"

/** @since 0.3.0 */
export * as Password from "./access/Password.js"

/** @since 0.1.0 */
export * as Placement from "./casework/Placement.js"

/** @since 0.3.0 */
export * as Policy from "./access/Policy.js"

/** @since 0.1.0 */
export * as PsychTest from "./events/PsychTest.js"

/** @since 0.1.0 */
export * as Ranking from "./matching/Ranking.js"

/** @since 0.1.0 */
export * as Recommendations from "./matching/Recommendations.js"

/** @since 0.1.0 */
export * as Referral from "./casework/Referral.js"

/** @since 0.3.0 */
export * as ReferralBoard from "./casework/ReferralBoard.js"

/** @since 0.1.0 */
export * as Repositories from "./Repositories.js"

/** @since 0.3.0 */
export * as ResultCounts from "./targets/ResultCounts.js"

/** @since 0.3.0 */
export * as Roles from "./access/Roles.js"

/** @since 0.3.0 */
export * as Rounding from "./kernel/Rounding.js"

/** @since 0.3.0 */
export * as SecondFactor from "./access/SecondFactor.js"

/** @since 0.3.0 */
export * as Secret from "./access/Secret.js"

/** @since 0.1.0 */
export * as Seeker from "./registry/Seeker.js"

/** @since 0.3.0 */
export * as SeekerSearch from "./registry/SeekerSearch.js"

/** @since 0.3.0 */
export * as Session from "./access/Session.js"

/** @since 0.3.0 */
export * as SignIn from "./access/SignIn.js"

/** @since 0.3.0 */
export * as Staff from "./access/Staff.js"

/** @since 0.1.0 */
export * as StudyRooms from "./cafes/StudyRooms.js"

/** @since 0.1.0 */
export * as Survey from "./events/Survey.js"

/** @since 0.1.0 */
export * as Targets from "./targets/Targets.js"

/** @since 0.1.0 */
export * as Text from "./kernel/Text.js"

/** @since 0.1.0 */
export * as Validation from "./kernel/Validation.js"

/** @since 0.1.0 */
export * as Wage from "./kernel/Wage.js"
