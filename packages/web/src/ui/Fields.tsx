/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * Form fields in KRDS's markup: a label for every input, the rule a value
 * broke right under it (tied to the input by `aria-describedby`, and the
 * input marked invalid), and the person's own input kept after a refusal.
 */
import type { ComponentChildren } from "preact"

export type Problems = Readonly<Record<string, string>>

interface Common {
  readonly name: string
  readonly label: string
  readonly problems?: Problems | undefined
  readonly hint?: string | undefined
  readonly required?: boolean | undefined
}

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`

const Group = ({ name, label, problems, hint, children }: Common & { readonly children: ComponentChildren }) => {
  const id = idOf(name)
  const problem = problems?.[name]
  return (
    <div class="form-group">
      <div class="form-tit">
        <label for={id}>{label}</label>
      </div>
      <div class={problem === undefined ? "form-conts" : "form-conts is-error"}>{children}</div>
      {hint === undefined ? null : <p class="form-hint" id={`${id}-hint`}>{hint}</p>}
      {problem === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`}>{problem}</p>}
    </div>
  )
}

const describedBy = ({ name, problems, hint }: Common) => {
  const id = idOf(name)
  const ids = [hint === undefined ? undefined : `${id}-hint`, problems?.[name] === undefined ? undefined : `${id}-problem`].filter(Boolean)
  return ids.length === 0 ? undefined : ids.join(" ")
}

const invalid = ({ name, problems }: Common) => problems?.[name] === undefined ? undefined : true

export const TextField = (props: Common & {
  readonly value?: string | undefined
  readonly type?: "text" | "tel" | "email" | "date" | "number" | "password" | "search"
  readonly autocomplete?: string
  readonly inputmode?: "numeric" | "tel" | "text"
}) => (
  <Group {...props}>
    <input
      type={props.type ?? "text"}
      id={idOf(props.name)}
      name={props.name}
      class="krds-input"
      value={props.value ?? ""}
      required={props.required}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
      autocomplete={props.autocomplete}
      inputMode={props.inputmode}
    />
  </Group>
)

export const TextArea = (props: Common & { readonly value?: string | undefined }) => (
  <Group {...props}>
    <textarea
      id={idOf(props.name)}
      name={props.name}
      class="krds-input"
      rows={4}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
    >
      {props.value ?? ""}
    </textarea>
  </Group>
)

export interface Choice {
  readonly value: string
  readonly label: string
}

export const SelectField = (props: Common & { readonly value?: string | undefined; readonly choices: ReadonlyArray<Choice>; readonly empty?: string }) => (
  <Group {...props}>
    <select
      id={idOf(props.name)}
      name={props.name}
      class="krds-form-select"
      required={props.required}
      aria-invalid={invalid(props)}
      aria-describedby={describedBy(props)}
    >
      {props.empty === undefined ? null : <option value="">{props.empty}</option>}
      {props.choices.map((c) => <option value={c.value} selected={c.value === props.value}>{c.label}</option>)}
    </select>
  </Group>
)

/** Several choices of one name, as a fieldset whose legend is the label. */
export const CheckGroup = (props: Common & { readonly values: ReadonlyArray<string>; readonly choices: ReadonlyArray<Choice> }) => {
  const id = idOf(props.name)
  const problem = props.problems?.[props.name]
  return (
    <fieldset class="form-group" aria-describedby={problem === undefined ? undefined : `${id}-problem`}>
      <legend class="form-tit">{props.label}</legend>
      <div class={problem === undefined ? "form-conts krds-check-area" : "form-conts krds-check-area is-error"}>
        {props.choices.map((c, i) => (
          <div class="krds-form-check">
            <input type="checkbox" name={props.name} id={`${id}-${i}`} value={c.value} checked={props.values.includes(c.value)} />
            <label for={`${id}-${i}`}>{c.label}</label>
          </div>
        ))}
      </div>
      {props.hint === undefined ? null : <p class="form-hint">{props.hint}</p>}
      {problem === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`}>{problem}</p>}
    </fieldset>
  )
}

/** The summary above a refused form: how many fields to fix, each a link to its field. */
export const ProblemSummary = ({ problems, labels, title }: {
  readonly problems: Problems
  readonly labels: Readonly<Record<string, string>>
  readonly title: string
}) => {
  const entries = Object.entries(problems)
  if (entries.length === 0) return null
  return (
    <div class="notice error" role="alert" tabindex={-1} id="problems">
      <p><strong>{title}</strong></p>
      <ul>
        {entries.map(([name, message]) => (
          <li><a href={`#${idOf(name)}`}>{`${labels[name] ?? name}: ${message}`}</a></li>
        ))}
      </ul>
    </div>
  )
}
