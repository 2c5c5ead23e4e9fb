/**
 * The Python program `normalizePythonPrograms` runs in the sandbox: it reads `programs.json`
 * (a list of program texts), parses each with `ast.parse` (never compiles or runs them),
 * removes docstrings and annotations of parameters, renames each function's parameters and
 * local names to `_<depth>_<i>` in order of first appearance (names declared `global` or
 * `nonlocal`, function and class names, attributes and module-level names are kept), and writes to
 * `normalized.json` the first 16 hex digits of the sha256 of `ast.dump(tree)` per program, or
 * null for a program that does not parse.
 */
export const PYTHON_AST_SCRIPT = `import ast, hashlib, json, sys

sys.setrecursionlimit(10000)
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def drop_docstring(body):
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
        return body[1:] or [ast.Pass()]
    return body


def own_nodes(scope):
    """Nodes of a function scope, in source order, not descending into nested scopes."""
    stack = list(reversed(list(ast.iter_child_nodes(scope))))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, SCOPES):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def canonicalize(scope, depth):
    kept = set()
    for node in own_nodes(scope):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            kept.update(node.names)
    names = {}
    args = scope.args
    for arg in args.posonlyargs + args.args + ([args.vararg] if args.vararg else []) + args.kwonlyargs + ([args.kwarg] if args.kwarg else []):
        names.setdefault(arg.arg, "_%d_%d" % (depth, len(names)))
    nested = []
    for node in own_nodes(scope):
        if isinstance(node, SCOPES):
            nested.append(node)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)) and node.id not in kept:
            names.setdefault(node.id, "_%d_%d" % (depth, len(names)))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.setdefault(node.name, "_%d_%d" % (depth, len(names)))
    # Renamed everywhere below, nested functions included (their free variables); a nested
    # function's own locals are renamed again, consistently, when its turn comes.
    for node in ast.walk(scope):
        if isinstance(node, ast.Name) and node.id in names:
            node.id = names[node.id]
        elif isinstance(node, ast.arg):
            node.annotation = None
            if node.arg in names:
                node.arg = names[node.arg]
        elif isinstance(node, ast.ExceptHandler) and node.name in names:
            node.name = names[node.name]
    for child in nested:
        canonicalize(child, depth + 1)


def normalize(text):
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            node.body = drop_docstring(node.body)
    for node in own_nodes(tree):
        if isinstance(node, SCOPES):
            canonicalize(node, 0)
    return hashlib.sha256(ast.dump(tree).encode("utf-8")).hexdigest()[:16]


with open("programs.json", encoding="utf-8") as handle:
    programs = json.load(handle)
out = []
for text in programs:
    try:
        out.append(normalize(text))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        out.append(None)
with open("normalized.json", "w", encoding="utf-8") as handle:
    json.dump(out, handle)
`;
