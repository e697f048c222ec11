/**
 * Every public option path, read from the package's types with the TypeScript compiler API, so that
 * a new prop cannot slip past the coverage map (map.ts).
 *
 * Roots: each class index.ts exports, through its constructor's parameters after `(scope, id)` (a
 * construct's props) and its public static factories' parameters (`FailoverEngine.heartbeat(settings)`).
 * A path is named after the interface that declares the property (`TopologyBaseProps.subtitle`,
 * once for every construct that extends it), then `.prop` into anonymous objects and `[]` into lists.
 * Granularity: every value of a finite union is its own path (`IpvsLoadBalancerProps.scheduler=wrr`,
 * `HeartbeatSettings.authMethod=md5`, booleans `=true`/`=false`), because each value renders
 * different directives, modules or services; a member of a discriminated union of anonymous objects
 * is `<path>.kind=<value>`, its fields below it; an object beside other arms is `<path>={}`; a static
 * factory is `Class.factory()`. Free-form values (a number, a string) are one path.
 * Objects with methods (a platform, an engine) and classes are leaves: their options are roots of their own.
 */
import * as path from "node:path";
import * as ts from "typescript";

export const PACKAGE_ENTRY = path.resolve(__dirname, "../../index.ts");

/**
 * The project's own sources only: imports of packages and of the generated provider bindings stay
 * unresolved (their types become `any`, a leaf). No prop is typed by them, and parsing them (cdktf,
 * the vSphere provider, .gen's 8.5 MB) would take most of the test's time.
 */
function program(entry: string): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2020.d.ts"],
    strict: true,
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const own = (file: string) => !/[/\\](node_modules|\.gen)[/\\]/.test(file);
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) => {
      if (!name.startsWith(".")) return undefined;
      const resolved = ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
      return resolved && own(resolved.resolvedFileName) ? resolved : undefined;
    });
  return ts.createProgram([entry], options, host);
}

export function publicOptionPaths(entry: string = PACKAGE_ENTRY): string[] {
  const prog = program(entry);
  const checker = prog.getTypeChecker();
  const module = checker.getSymbolAtLocation(prog.getSourceFile(entry)!);
  if (!module) throw new Error(`${entry}: not a module`);
  const paths = new Set<string>();
  const walked = new Set<ts.Type>();

  /** The interface or class that declares a property, if it is not an anonymous object. */
  const declaringName = (prop: ts.Symbol): string | undefined => {
    const parent = prop.declarations?.[0]?.parent;
    return parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) ? parent.name?.text : undefined;
  };
  const isAnonymous = (type: ts.Type) => !type.aliasSymbol && (type.symbol?.name ?? "__type") === "__type";
  const isList = (type: ts.Type) => checker.isArrayType(type) || checker.isTupleType(type);
  const isOptionObject = (type: ts.Type): boolean =>
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    !isList(type) &&
    type.getCallSignatures().length === 0 &&
    type.getConstructSignatures().length === 0 &&
    !(type.symbol && type.symbol.flags & ts.SymbolFlags.Class) &&
    !type.getProperties().some((p) => p.flags & ts.SymbolFlags.Method);

  const walkObject = (type: ts.Type, at: string, skip?: string): void => {
    if (!isAnonymous(type)) {
      if (walked.has(type)) return;
      walked.add(type);
    }
    for (const prop of type.getProperties()) {
      if (prop.name === skip) continue;
      const owner = declaringName(prop);
      walkValue(checker.getTypeOfSymbol(prop), `${owner ?? at}.${prop.name}`);
    }
  };

  const walkValue = (type: ts.Type, at: string): void => {
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    const objects: ts.Type[] = [];
    for (const t of parts) {
      if (t.isStringLiteral() || t.isNumberLiteral()) paths.add(`${at}=${t.value}`);
      else if (t.flags & ts.TypeFlags.BooleanLiteral) paths.add(`${at}=${checker.typeToString(t)}`);
      else if (isList(t)) for (const element of checker.getTypeArguments(t as ts.TypeReference)) walkValue(element, `${at}[]`);
      else if (isOptionObject(t)) objects.push(t);
      else paths.add(at);
    }
    // An object beside other arms (`ServiceFailover | false`, `string | VipDecl`): giving it in full is a choice of its own.
    if (objects.length > 0 && objects.length < parts.length) paths.add(`${at}={}`);
    if (objects.length < 2) return objects.forEach((o) => walkObject(o, at));
    // A union of objects: anonymous members are told apart by their discriminant, named ones by their own name.
    for (const member of objects) {
      const tag = isAnonymous(member)
        ? member.getProperties().find((p) => {
            const t = checker.getTypeOfSymbol(p);
            return t.isStringLiteral() || t.isNumberLiteral();
          })
        : undefined;
      if (!tag) {
        walkObject(member, at);
        continue;
      }
      const value = (checker.getTypeOfSymbol(tag) as ts.StringLiteralType | ts.NumberLiteralType).value;
      const memberPath = `${at}.${tag.name}=${value}`;
      paths.add(memberPath);
      walkObject(member, memberPath, tag.name);
    }
  };

  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Class)) continue;
    const staticSide = checker.getTypeOfSymbol(symbol);
    for (const signature of staticSide.getConstructSignatures()) {
      const params = signature.getParameters();
      if (params[0]?.name !== "scope" || params[1]?.name !== "id") continue;
      for (const param of params.slice(2)) walkValue(checker.getTypeOfSymbol(param), `${symbol.name}(${param.name})`);
    }
    const instanceType = checker.getDeclaredTypeOfSymbol(symbol);
    for (const member of staticSide.getProperties()) {
      const declaration = member.valueDeclaration;
      if (!declaration || !ts.isMethodDeclaration(declaration)) continue;
      if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      for (const signature of checker.getTypeOfSymbol(member).getCallSignatures()) {
        if (signature.getReturnType() !== instanceType) continue;
        paths.add(`${symbol.name}.${member.name}()`);
        for (const param of signature.getParameters())
          walkValue(checker.getTypeOfSymbol(param), `${symbol.name}.${member.name}(${param.name})`);
      }
    }
  }
  return [...paths].sort();
}
