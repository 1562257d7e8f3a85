/**
 * Checks the JSDoc the API reference is generated from, over every published
 * package's `src/index.ts` (see `packages.ts`), with the TypeScript compiler:
 *
 * 1. every export reachable from the entry — each namespace module's consts,
 *    functions, classes, types and interfaces, and each name a module
 *    re-exports — has a `@since` tag (on its declaration, or on the re-export);
 * 2. every module (each file `src/index.ts` re-exports as a namespace) has a
 *    module comment — the first JSDoc of the file, before its imports, tagged
 *    `@module` — with an `@example` and a `@since`, and its `export * as`
 *    line has no comment of its own (typedoc would show that one instead);
 * 3. every use case has an `@example`. A use case is an exported function
 *    whose result is an `Effect` that requires a service (a port such as
 *    `SeekerRepository`, `Transactor` or `SqlClient`): its `R` has a member
 *    other than a type parameter. Pure rules, schemas, constructors of
 *    layers and combinators generic in their requirements are not use cases;
 * 4. every ```ts block inside an `@example` type-checks, written as a module of
 *    its own under `build/api-examples/` that imports the packages by their
 *    published names (`import { Ids } from "@iljari/core"`), compiled with the
 *    workspace's strict options and the `@iljari/source` condition (so the
 *    names resolve to the sources). `noUnusedLocals` is off: an example may
 *    name a value only to show it.
 *
 * 5. `typedoc.json` lists exactly the published packages.
 *
 * `@internal` declarations are left out (typedoc leaves them out too).
 * Each missing item is printed as `file:line: what`, then the counts; the
 * exit code is 1 when anything is missing or an example fails.
 *
 * Usage: `tsx scripts/api-docs/check.ts [--list-use-cases] [--no-examples]`
 * (`npm run docs` runs it before typedoc).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import ts from "typescript"
import { published, root } from "./packages.js"

const args = new Set(process.argv.slice(2))

const baseOptions = (): ts.CompilerOptions => {
  const file = join(root, "tsconfig.base.json")
  const config = ts.readConfigFile(file, ts.sys.readFile)
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"))
  const { tsBuildInfoFile: _buildInfo, ...parsed } = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, file).options
  return {
    ...parsed,
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    emitDeclarationOnly: false,
    noEmit: true,
    incremental: false
  }
}

const options = baseOptions()
const program = ts.createProgram(published.map((p) => p.entry), options)
const checker = program.getTypeChecker()

const problems: Array<string> = []
const where = (node: ts.Node): string => {
  const sf = node.getSourceFile()
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf))
  return `${relative(root, sf.fileName)}:${line + 1}`
}
const report = (node: ts.Node, message: string) => problems.push(`${where(node)}: ${message}`)

const isPublishedSource = (sf: ts.SourceFile) =>
  published.some((p) => sf.fileName.startsWith(join(p.dir, "src") + "/"))

// --- JSDoc reading --------------------------------------------------------

/** The JSDoc blocks written right before a node (ts attaches none to some kinds, e.g. export specifiers). */
const leadingJsDocs = (node: ts.Node): Array<string> => {
  const sf = node.getSourceFile()
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? []
  return ranges
    .map((r) => sf.text.slice(r.pos, r.end))
    .filter((text) => text.startsWith("/**"))
}

/** The JSDoc of a declaration: for a variable, its statement's. */
const docsOf = (node: ts.Node): Array<string> => {
  let target: ts.Node = node
  if (ts.isVariableDeclaration(target)) target = target.parent.parent // VariableStatement
  return leadingJsDocs(target)
}

const hasTag = (docs: ReadonlyArray<string>, tag: string) =>
  docs.some((doc) => new RegExp(`@${tag}\\b`).test(doc))

const hasExample = (docs: ReadonlyArray<string>) =>
  docs.some((doc) => /@example\b[\s\S]*?```(ts|typescript)\b/.test(doc))

/**
 * A module's own comment: the first JSDoc of the file. Typedoc shows it on
 * the module's page only when it carries `@module` (otherwise it belongs to
 * the first statement), and only when the `export * as` line in the entry
 * has no comment of its own.
 */
const moduleComment = (sf: ts.SourceFile): string | undefined => {
  const first = sf.statements[0]
  return first === undefined ? undefined : leadingJsDocs(first)[0]
}
const isModuleComment = (comment: string) => /@module\b|@packageDocumentation\b/.test(comment)

// --- what is reachable ------------------------------------------------------

interface Module {
  readonly pkg: string
  readonly name: string
  readonly file: ts.SourceFile
  readonly line: ts.ExportDeclaration
}

const modules: Array<Module> = []
for (const pkg of published) {
  const entry = program.getSourceFile(pkg.entry)
  if (entry === undefined) throw new Error(`cannot read ${pkg.entry}`)
  for (const statement of entry.statements) {
    if (!ts.isExportDeclaration(statement)) continue
    const clause = statement.exportClause
    if (clause === undefined || !ts.isNamespaceExport(clause) || statement.moduleSpecifier === undefined) {
      report(statement, "the entry should re-export modules as namespaces (`export * as Name from \"./Name.js\"`)")
      continue
    }
    const symbol = checker.getSymbolAtLocation(statement.moduleSpecifier)
    const file = symbol?.valueDeclaration
    if (file === undefined || !ts.isSourceFile(file)) {
      report(statement, `cannot resolve ${statement.moduleSpecifier.getText()}`)
      continue
    }
    modules.push({ pkg: pkg.name, name: clause.name.text, file, line: statement })
  }
}

// --- 1 and 3: every export has @since; every use case an @example ----------

const effectRequirement = (type: ts.Type): ts.Type | undefined => {
  const variance = checker.getPropertiesOfType(type).find((p) => String(p.escapedName).startsWith("__@EffectTypeId"))
  if (variance === undefined) return undefined
  const struct = checker.getTypeOfSymbol(variance)
  const r = struct.getProperty("_R")
  if (r === undefined) return undefined
  const signature = checker.getTypeOfSymbol(r).getCallSignatures()[0]
  return signature === undefined ? undefined : checker.getReturnTypeOfSignature(signature)
}

/** Whether `R` names a service: a member that is not a type parameter (and `R` is not `never`). */
const requiresService = (r: ts.Type): boolean => {
  if (r.flags & ts.TypeFlags.Never) return false
  const members = r.isUnion() ? r.types : [r]
  return members.some((m) => !(m.flags & ts.TypeFlags.TypeParameter) && !(m.flags & ts.TypeFlags.Never))
}

const isUseCase = (symbol: ts.Symbol, declaration: ts.Declaration): boolean => {
  if (ts.isClassDeclaration(declaration)) return false
  if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) return false
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration)
  if (type.getConstructSignatures().length > 0) return false
  return type.getCallSignatures().some((signature) => {
    const result = checker.getReturnTypeOfSignature(signature)
    const candidates = result.isUnion() ? result.types : [result]
    return candidates.some((candidate) => {
      const r = effectRequirement(candidate)
      return r !== undefined && requiresService(r)
    })
  })
}

const declarationKinds = new Set([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration
])

const seen = new Set<ts.Node>()
const useCases: Array<{ readonly module: Module; readonly name: string; readonly declaration: ts.Declaration }> = []
let exportCount = 0
let withSince = 0
let useCasesWithExample = 0
const countedUseCases = new Set<ts.Node>()

for (const module of modules) {
  const moduleSymbol = checker.getSymbolAtLocation(module.file)
  if (moduleSymbol === undefined) continue
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.name
    const alias = exported.flags & ts.SymbolFlags.Alias ? exported.declarations?.[0] : undefined
    const target = alias === undefined ? exported : checker.getAliasedSymbol(exported)
    const declarations = (target.declarations ?? []).filter(
      (d) => declarationKinds.has(d.kind) && isPublishedSource(d.getSourceFile())
    )
    // Overloads of one function count once; a const and a type of the same name count twice.
    const byKind = new Map<ts.SyntaxKind, Array<ts.Declaration>>()
    for (const d of declarations) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d])
    // A re-export's own comment: on its name, or on an `export { … } from` of one name.
    const aliasDocs = alias === undefined
      ? []
      : [...leadingJsDocs(alias), ...(ts.isExportSpecifier(alias) ? leadingJsDocs(alias.parent.parent) : [])]
    for (const group of byKind.values()) {
      const first = group[0]!
      if (seen.has(first) && alias === undefined) continue
      const docs = group.flatMap(docsOf)
      if (hasTag(docs, "internal") || hasTag(aliasDocs, "internal")) continue // left out of the reference
      const key: ts.Node = alias ?? first
      if (seen.has(key)) continue
      seen.add(key)
      seen.add(first)
      exportCount++
      if (hasTag(docs, "since") || hasTag(aliasDocs, "since")) withSince++
      else report(alias ?? first, `${module.name}.${name}: no @since`)
    }
    // A use case counts once, where it is declared (`JobCenter` re-exports several modules' use cases).
    const value = declarations.find((d) => ts.isVariableDeclaration(d) || ts.isFunctionDeclaration(d))
    if (value !== undefined && !countedUseCases.has(value) && isUseCase(target, value)) {
      countedUseCases.add(value)
      useCases.push({ module, name, declaration: value })
      const docs = [...declarations.filter((d) => d.kind === value.kind).flatMap(docsOf), ...aliasDocs]
      if (hasExample(docs)) useCasesWithExample++
      else report(value, `${module.name}.${name}: a use case without an @example`)
    }
  }
}

// --- 2: every module has a comment with an @example -------------------------

let modulesWithExample = 0
for (const pkg of published) {
  const entry = program.getSourceFile(pkg.entry)!
  const comment = moduleComment(entry)
  if (comment === undefined || !isModuleComment(comment)) {
    report(entry.statements[0] ?? entry, `${pkg.name}: the entry's comment needs @module (the package's description)`)
  }
}
for (const module of modules) {
  const comment = moduleComment(module.file)
  const first = module.file.statements[0] ?? module.line
  if (leadingJsDocs(module.line).some((doc) => !isModuleComment(doc))) {
    report(module.line, `module ${module.name}: a comment on the export line hides the module's own comment; move it there`)
  }
  if (comment === undefined || !isModuleComment(comment)) {
    report(first, `module ${module.name} (${module.pkg}): no module comment (a JSDoc with @module before the imports)`)
    continue
  }
  if (!hasTag([comment], "since")) report(first, `module ${module.name} (${module.pkg}): no @since`)
  if (hasExample([comment])) modulesWithExample++
  else report(first, `module ${module.name} (${module.pkg}): the module comment has no @example`)
}

// typedoc.json documents exactly the published packages.
{
  const config = JSON.parse(ts.sys.readFile(join(root, "typedoc.json")) ?? "{}") as { entryPoints?: Array<string> }
  const listed = [...(config.entryPoints ?? [])].sort()
  const expected = published.map((p) => `packages/${p.folder}`).sort()
  if (listed.join() !== expected.join()) {
    problems.push(`typedoc.json:1: entryPoints should be the published packages: ${JSON.stringify(expected)}`)
  }
}

// --- 4: every example type-checks --------------------------------------------

interface Example {
  readonly source: string
  /** the 0-based line in the source of the example's first line of code */
  readonly line: number
  readonly file: string
}

const examples: Array<Example> = []
let failedExamples = 0
const exampleDir = join(root, "build", "api-examples")

const extract = (sf: ts.SourceFile): Array<{ code: string; line: number }> => {
  const found: Array<{ code: string; line: number }> = []
  for (const jsdoc of sf.text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = jsdoc.index
    const lines = jsdoc[0].split("\n").map((l) => l.replace(/^\s*\*? ?/, ""))
    const startLine = sf.getLineAndCharacterOfPosition(start).line
    let inExample = false
    let block: Array<string> | undefined
    let blockLine = 0
    lines.forEach((text, i) => {
      if (block !== undefined) {
        if (/^```\s*$/.test(text)) {
          if (inExample) found.push({ code: block.join("\n") + "\n", line: blockLine })
          block = undefined
        } else block.push(text)
        return
      }
      if (/^@\w+/.test(text)) inExample = /^@example\b/.test(text)
      if (/^```(ts|typescript)\s*$/.test(text)) {
        block = []
        blockLine = startLine + i + 1
      }
    })
  }
  return found
}

if (!args.has("--no-examples")) {
  rmSync(exampleDir, { recursive: true, force: true })
  for (const sf of program.getSourceFiles()) {
    if (!isPublishedSource(sf)) continue
    extract(sf).forEach(({ code, line }) => {
      const rel = relative(join(root, "packages"), sf.fileName).replace(/\.tsx?$/, "")
      const file = join(exampleDir, `${rel}.L${line + 1}.ts`)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, code)
      examples.push({ source: sf.fileName, line, file })
      if (/from\s+["']\.{1,2}\//.test(code)) {
        problems.push(`${relative(root, sf.fileName)}:${line + 1}: the example imports a relative path; import the published name`)
      }
    })
  }
  if (examples.length > 0) {
    const exampleProgram = ts.createProgram(
      examples.map((e) => e.file),
      { ...options, noUnusedLocals: false, noUnusedParameters: false },
      undefined,
      program
    )
    const byFile = new Map(examples.map((e) => [e.file, e]))
    const failed = new Set<string>()
    for (const sf of exampleProgram.getSourceFiles()) {
      const example = byFile.get(sf.fileName)
      if (example === undefined) continue
      const diagnostics = [...exampleProgram.getSyntacticDiagnostics(sf), ...exampleProgram.getSemanticDiagnostics(sf)]
      for (const d of diagnostics) {
        failed.add(sf.fileName)
        const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line
        problems.push(
          `${relative(root, example.source)}:${example.line + line + 1}: example does not type-check: TS${d.code} ${
            ts.flattenDiagnosticMessageText(d.messageText, "\n    ")
          } (${relative(root, example.file)}:${line + 1})`
        )
      }
    }
    failedExamples = failed.size
  }
}

// --- report -------------------------------------------------------------------

if (args.has("--list-use-cases")) {
  for (const u of useCases) console.log(`use case ${u.module.pkg} ${u.module.name}.${u.name}  ${where(u.declaration)}`)
}
for (const problem of problems.sort()) console.log(problem)
console.log(
  [
    `packages: ${published.map((p) => p.name).join(", ")}`,
    `exports: ${exportCount}, with @since: ${withSince}`,
    `modules: ${modules.length}, with an @example: ${modulesWithExample}`,
    `use cases: ${useCases.length}, with an @example: ${useCasesWithExample}`,
    args.has("--no-examples")
      ? "examples: not checked (--no-examples)"
      : `examples: ${examples.length}, type-check: ${examples.length - failedExamples}`,
    `problems: ${problems.length}`
  ].join("\n")
)
process.exitCode = problems.length > 0 ? 1 : 0
