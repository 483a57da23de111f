/**
 * Jest runs each test file in a vm context, whose own `Symbol` lacks the `Symbol.dispose` and
 * `Symbol.asyncDispose` that Node gives its main realm. playwright-core relies on them (`using`), and
 * without them its clicks retry forever on "Object not disposable". Node's own are registered
 * symbols, shared by every realm, so the context gets exactly the same ones.
 */
for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (Symbol[name] === undefined) Object.defineProperty(Symbol, name, { value: Symbol.for(key) });
}
