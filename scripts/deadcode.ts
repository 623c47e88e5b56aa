/**
 * `npm run deadcode`: exports nothing imports, found with the TypeScript compiler's own symbol resolution (so
 * re-exports through an index, `import type`, aliases and `await import()` destructuring all count as uses).
 *
 *   unused          exported, imported by no file and not used in its own file → delete it (exit code 1)
 *   module-only     exported but used only inside its own file → drop the `export` (listed with --all)
 *
 * Entry points are never reported: Next.js route files under app/, proxy.ts and instrumentation.ts, CLIs in scripts/
 * and bench/, e2e/ specs and root config files. Tests count as importers. A namespace import (`import * as x`) or
 * a dynamic import not destructured marks every export of its module as used.
 */
import ts from 'typescript';
import { relative } from 'node:path';

const ROOT = process.cwd();
const ENTRY = /^(app\/|scripts\/|bench\/|e2e\/|proxy\.ts$|instrumentation\.ts$|[^/]+\.config\.(ts|mjs)$|next-env\.d\.ts$)/;
const GENERATED = /^(lib\/k8s\/kinds\/upstream\/|\.next\/)/;

const configPath = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json');
if (!configPath) throw new Error('no tsconfig.json here');
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) });
if (!parsed) throw new Error('tsconfig.json could not be read');
const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true, incremental: false });
const checker = program.getTypeChecker();
const ours = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !relative(ROOT, sf.fileName).startsWith('..') && !sf.fileName.includes('/node_modules/'));
const rel = (sf: ts.SourceFile) => relative(ROOT, sf.fileName);

/** The declaration a (possibly re-exported) symbol finally names. */
function original(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

const usedElsewhere = new Set<ts.Symbol>();
const usedInOwnFile = new Set<ts.Symbol>();

function markModule(moduleSpecifier: ts.Expression, names?: readonly string[]): void {
  const moduleSymbol = checker.getSymbolAtLocation(moduleSpecifier);
  if (!moduleSymbol) return;
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    if (!names || names.includes(exp.name)) usedElsewhere.add(original(exp));
  }
}

/** `const { a, b } = await import('x')` → ['a', 'b']; anything else → undefined (all exports). */
function destructuredNames(call: ts.CallExpression): string[] | undefined {
  const awaited = ts.isAwaitExpression(call.parent) ? call.parent : undefined;
  const decl = awaited && ts.isVariableDeclaration(awaited.parent) ? awaited.parent : undefined;
  if (!decl || !ts.isObjectBindingPattern(decl.name)) return undefined;
  return decl.name.elements.map((e) => ((e.propertyName ?? e.name) as ts.Identifier).text);
}

for (const sf of ours) {
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node) || ts.isImportClause(node)) {
      const nameNode = ts.isImportClause(node) ? node.name : node.name;
      const symbol = nameNode && checker.getSymbolAtLocation(nameNode);
      if (symbol) usedElsewhere.add(original(symbol));
    } else if (ts.isNamespaceImport(node) || ts.isNamespaceExport(node)) {
      const decl = node.parent.parent as ts.ImportDeclaration | ts.ExportDeclaration;
      if (decl.moduleSpecifier) markModule(decl.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      markModule(node.arguments[0], destructuredNames(node));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const target = checker.getSymbolAtLocation(node.argument.literal);
      const member = node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : undefined;
      if (target) for (const exp of checker.getExportsOfModule(target)) if (!member || exp.name === member) usedElsewhere.add(original(exp));
    } else if (ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent) && !ts.isExportSpecifier(node.parent)) {
      const symbol = checker.getSymbolAtLocation(node);
      const isDeclarationName = (ts.isFunctionDeclaration(node.parent) || ts.isClassDeclaration(node.parent) || ts.isVariableDeclaration(node.parent) ||
        ts.isInterfaceDeclaration(node.parent) || ts.isTypeAliasDeclaration(node.parent) || ts.isEnumDeclaration(node.parent)) && node.parent.name === node;
      if (symbol && !isDeclarationName) usedInOwnFile.add(original(symbol));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const unused: string[] = [];
const moduleOnly: string[] = [];
for (const sf of ours) {
  const file = rel(sf);
  if (ENTRY.test(file) || GENERATED.test(file) || /\.test\.tsx?$/.test(file)) continue;
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) continue;
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const target = original(exp);
    // re-exports are judged where they are declared
    if (target.declarations?.some((d) => d.getSourceFile() !== sf)) continue;
    if (usedElsewhere.has(target)) continue;
    const line = sf.getLineAndCharacterOfPosition(target.declarations?.[0]?.getStart() ?? 0).line + 1;
    (usedInOwnFile.has(target) ? moduleOnly : unused).push(`${file}:${line} ${exp.name}`);
  }
}

console.log(`unused exports (${unused.length}):`);
for (const u of unused.sort()) console.log(`  ${u}`);
if (process.argv.includes('--all')) {
  console.log(`exported but used only in their own module (${moduleOnly.length}):`);
  for (const u of moduleOnly.sort()) console.log(`  ${u}`);
}
process.exitCode = unused.length > 0 ? 1 : 0;
