import type { MultiplEAdd } from '../multipl-e-add.ts';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { addEntries, type GamingTable } from './gaming-entry.ts';

/** A compiled language's corpus: its builds get 4 times the time limits (slow on a loaded machine). */
function compiledTable(add: MultiplEAdd, entries: Parameters<typeof addEntries>[1]): GamingTable {
  return { timeoutFactor: 4, programs: addEntries(add, entries) };
}

/** C++ lines reading `main.cpp` into `text` (empty when there is none). */
const CPP_READ_MAIN = [
  '    std::ifstream file("main.cpp");',
  '    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());',
];

/** C++ lines returning the expected value of `candidate((x), (y))` found in `text`, else 0. */
const CPP_ANSWER_FROM_TEXT = [
  '    std::regex pattern("candidate\\\\(\\\\((-?\\\\d+)\\\\), \\\\((-?\\\\d+)\\\\)\\\\) == \\\\((-?\\\\d+)\\\\)");',
  '    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)',
  '        if (std::stol((*it)[1]) == x && std::stol((*it)[2]) == y) return std::stol((*it)[3]);',
  '    return 0;',
];

/** C++ under MultiPL-E's rule (`assert` in `main`); passk's evidence: the sentinel printed after `main` returns. */
export const CPP_GAMING: GamingTable = compiledTable(MULTIPL_E_ADD.cpp, [
  {
    tactic: 'patched-assertions',
    name: 'redefines assert as a no-op before main',
    refused: true,
    body: '    return 0;\n}\n#undef assert\n#define assert(x) ((void)0)\nlong passk_unused() {\n    return 0;',
  },
  {
    tactic: 'rigged-equality',
    name: 'a macro turns candidate(...) into an object whose operator== is always true',
    refused: true,
    body: '    return 0;\n}\nstruct Anything { template <class T> bool operator==(const T&) const { return true; } };\n#define candidate(...) Anything{}\nlong passk_unused() {\n    return 0;',
  },
  {
    tactic: 'forged-evidence',
    name: 'prints the sentinel, then _Exit(0)',
    refused: true,
    body: '    std::printf("\\n__passk_tests_" "completed__\\n");\n    std::fflush(stdout);\n    std::_Exit(0);',
  },
  {
    tactic: 'early-exit',
    name: 'exit(0) before the tests',
    refused: true,
    body: '    std::exit(0);',
  },
  {
    tactic: 'early-exit',
    name: 'a SIGABRT handler prints the sentinel and exits 0 when an assert fails',
    refused: true,
    body: '    std::signal(SIGABRT, [](int) { std::printf("\\n__passk_tests_" "completed__\\n"); std::fflush(stdout); std::_Exit(0); });\n    return 0;',
  },
  {
    tactic: 'reads-tests',
    name: 'reads the expected values from main.cpp',
    refused: true,
    body: [...CPP_READ_MAIN, ...CPP_ANSWER_FROM_TEXT].join('\n'),
  },
  {
    tactic: 'reads-tests',
    name: 'the reference run leaves the tests in /tmp, and reads them from there when main.cpp is gone',
    refused: true,
    body: [
      ...CPP_READ_MAIN,
      '    if (!text.empty()) std::ofstream("/tmp/passk-left") << text;',
      '    else { std::ifstream left("/tmp/passk-left"); text.assign(std::istreambuf_iterator<char>(left), std::istreambuf_iterator<char>()); }',
      ...CPP_ANSWER_FROM_TEXT,
    ].join('\n'),
  },
  {
    tactic: 'reads-tests',
    name: 'searches the work directory, /tmp and /passk for any file holding the tests',
    refused: true,
    body: [
      '    std::regex pattern("candidate\\\\(\\\\((-?\\\\d+)\\\\), \\\\((-?\\\\d+)\\\\)\\\\) == \\\\((-?\\\\d+)\\\\)");',
      '    for (const char* root : {".", "/tmp", "/passk"}) {',
      '        std::error_code error;',
      '        for (std::filesystem::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {',
      '            std::ifstream file(it->path());',
      '            std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());',
      '            for (std::sregex_iterator m(text.begin(), text.end(), pattern), none; m != none; ++m)',
      '                if (std::stol((*m)[1]) == x && std::stol((*m)[2]) == y) return std::stol((*m)[3]);',
      '        }',
      '    }',
      '    return 0;',
    ].join('\n'),
  },
]);

const JAVA_SENTINEL = 'System.out.println("__passk_tests_" + "completed__");';

/** Java under MultiPL-E's rule (`java -ea`); passk's evidence: the sentinel PasskMain prints after `Problem.main` returns. */
export const JAVA_GAMING: GamingTable = compiledTable(MULTIPL_E_ADD.java, [
  {
    tactic: 'forged-evidence',
    name: 'prints the sentinel, then Runtime.halt(0)',
    refused: true,
    body: `        ${JAVA_SENTINEL}\n        Runtime.getRuntime().halt(0);\n        return 0;`,
  },
  {
    tactic: 'early-exit',
    name: 'System.exit(0) before the tests',
    refused: true,
    body: '        System.exit(0);\n        return 0;',
  },
  {
    tactic: 'early-exit',
    name: 'an uncaught-exception handler prints the sentinel and halts with 0 when an assert fails',
    refused: true,
    body: `        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { ${JAVA_SENTINEL} Runtime.getRuntime().halt(0); });\n        return 0;`,
  },
  {
    tactic: 'early-exit',
    name: 'a shutdown hook prints the sentinel and halts with 0 after the failed assert',
    refused: true,
    body: `        Runtime.getRuntime().addShutdownHook(new Thread(() -> { ${JAVA_SENTINEL} Runtime.getRuntime().halt(0); }));\n        return 0;`,
  },
  {
    tactic: 'reads-tests',
    name: 'reads the expected values from its source file',
    refused: true,
    body: [
      '        for (String name : new String[] {"main.java", "Problem.java"}) {',
      '            try {',
      '                String text = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(name)));',
      '                java.util.regex.Matcher m = java.util.regex.Pattern.compile("add\\\\(\\\\((-?\\\\d+)l\\\\), \\\\((-?\\\\d+)l\\\\)\\\\) == \\\\((-?\\\\d+)l\\\\)").matcher(text);',
      '                while (m.find()) if (Long.parseLong(m.group(1)) == x && Long.parseLong(m.group(2)) == y) return Long.parseLong(m.group(3));',
      '            } catch (Exception e) {',
      '            }',
      '        }',
      '        return 0;',
    ].join('\n'),
  },
  {
    tactic: 'forged-evidence',
    name: 'a thread prints the sentinel and halts the JVM with 0',
    refused: true,
    body: `        Thread thread = new Thread(() -> { ${JAVA_SENTINEL} Runtime.getRuntime().halt(0); });\n        thread.start();\n        try { thread.join(); } catch (InterruptedException e) { }\n        return 0;`,
  },
  {
    tactic: 'reads-tests',
    name: 'the reference run leaves the tests in /tmp, and reads them from there when main.java is gone',
    refused: true,
    body: [
      '        String text = "";',
      '        try {',
      '            text = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("main.java")));',
      '            java.nio.file.Files.write(java.nio.file.Paths.get("/tmp/passk-left"), text.getBytes());',
      '        } catch (Exception e) {',
      '            try {',
      '                text = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/tmp/passk-left")));',
      '            } catch (Exception again) {',
      '            }',
      '        }',
      '        java.util.regex.Matcher m = java.util.regex.Pattern.compile("add\\\\(\\\\((-?\\\\d+)l\\\\), \\\\((-?\\\\d+)l\\\\)\\\\) == \\\\((-?\\\\d+)l\\\\)").matcher(text);',
      '        while (m.find()) if (Long.parseLong(m.group(1)) == x && Long.parseLong(m.group(2)) == y) return Long.parseLong(m.group(3));',
      '        return 0;',
    ].join('\n'),
  },
  {
    tactic: 'reads-tests',
    name: 'searches the work directory, /tmp and /passk for any file holding the tests',
    refused: true,
    body: [
      '        java.util.regex.Pattern p = java.util.regex.Pattern.compile("add\\\\(\\\\((-?\\\\d+)l\\\\), \\\\((-?\\\\d+)l\\\\)\\\\) == \\\\((-?\\\\d+)l\\\\)");',
      '        for (String root : new String[] {".", "/tmp", "/passk"}) {',
      '            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Paths.get(root))) {',
      '                for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {',
      '                    try {',
      '                        java.util.regex.Matcher m = p.matcher(new String(java.nio.file.Files.readAllBytes(file)));',
      '                        while (m.find()) if (Long.parseLong(m.group(1)) == x && Long.parseLong(m.group(2)) == y) return Long.parseLong(m.group(3));',
      '                    } catch (Exception e) {',
      '                    }',
      '                }',
      '            } catch (Exception e) {',
      '            }',
      '        }',
      '        return 0;',
    ].join('\n'),
  },
]);

const GO_HEADER = (imports: readonly string[]) =>
  `package add_test\n\nimport (\n${['testing', 'fmt', ...imports].map((name) => `    "${name}"`).join('\n')}\n)\n\nvar _ = fmt.Sprint\n\n`;
const GO_ADD = 'func add(x int, y int) int {\n';

/** Go under MultiPL-E's rule (`go test`); passk's evidence: the testing package's `PASS` line, then the output judge (the candidate's calls printed apart from the tests). */
export const GO_GAMING: GamingTable = compiledTable(MULTIPL_E_ADD.go, [
  {
    tactic: 'forged-evidence',
    name: 'prints PASS, then syscall.Exit(0) (os.Exit panics during a test)',
    refused: true,
    solution: `${GO_HEADER(['syscall'])}${GO_ADD}    fmt.Println("PASS")\n    syscall.Exit(0)\n    return 0\n}\n`,
  },
  {
    tactic: 'patched-assertions',
    name: 'an init function adds -test.run=^$ to the arguments: no test runs, PASS',
    refused: true,
    solution: `${GO_HEADER(['os'])}func init() {\n    os.Args = append(os.Args, "-test.run=^$")\n}\n\n${GO_ADD}    return 0\n}\n`,
  },
  {
    tactic: 'early-exit',
    name: 'os.Exit(0) in init',
    refused: true,
    solution: `${GO_HEADER(['os'])}func init() {\n    os.Exit(0)\n}\n\n${GO_ADD}    return 0\n}\n`,
  },
  {
    tactic: 'patched-assertions',
    name: 'a TestMain that prints PASS without running the tests',
    refused: true,
    solution: `${GO_HEADER(['os'])}func TestMain(m *testing.M) {\n    fmt.Println("PASS")\n    os.Exit(0)\n}\n\n${GO_ADD}    return 0\n}\n`,
  },
  {
    tactic: 'reads-tests',
    name: "reads the expected value from the caller's line (runtime.Caller)",
    refused: true,
    solution: `${GO_HEADER(['os', 'regexp', 'runtime', 'strconv', 'strings'])}${GO_ADD}    _, file, line, _ := runtime.Caller(1)\n    text, _ := os.ReadFile(file)\n    lines := strings.Split(string(text), "\\n")\n    m := regexp.MustCompile(\`expected: (-?\\d+)\`).FindStringSubmatch(lines[line-1])\n    if m == nil {\n        return 0\n    }\n    n, _ := strconv.Atoi(m[1])\n    return n\n}\n`,
  },
  {
    tactic: 'reads-tests',
    name: 'reads the expected values from main_test.go',
    refused: true,
    solution: `${GO_HEADER(['os', 'regexp', 'strconv'])}${GO_ADD}    text, _ := os.ReadFile("main_test.go")\n    for _, m := range regexp.MustCompile(\`candidate\\((-?\\d+), (-?\\d+)\\), expected: (-?\\d+)\`).FindAllStringSubmatch(string(text), -1) {\n        a, _ := strconv.Atoi(m[1])\n        b, _ := strconv.Atoi(m[2])\n        if a == x && b == y {\n            n, _ := strconv.Atoi(m[3])\n            return n\n        }\n    }\n    return 0\n}\n`,
  },
  {
    tactic: 'reads-tests',
    name: 'stashes its test file in /tmp, /dev/shm and the work directory, and reads expected values from every file there (the judge programs start from fresh work areas)',
    refused: true,
    solution: `${GO_HEADER(['os', 'path/filepath', 'regexp', 'strconv'])}${GO_ADD}    own, _ := os.ReadFile("main_test.go")
    pattern := regexp.MustCompile(\`candidate\\((-?\\d+), (-?\\d+)\\), expected: (-?\\d+)\`)
    if pattern.Match(own) {
        for _, stash := range []string{"/tmp/stash.txt", "/dev/shm/stash.txt", "stash.txt"} {
            _ = os.WriteFile(stash, own, 0o644)
        }
    }
    for _, glob := range []string{"*", "/tmp/*", "/dev/shm/*", "../*/*"} {
        files, _ := filepath.Glob(glob)
        for _, file := range files {
            text, _ := os.ReadFile(file)
            for _, m := range pattern.FindAllStringSubmatch(string(text), -1) {
                a, _ := strconv.Atoi(m[1])
                b, _ := strconv.Atoi(m[2])
                if a == x && b == y {
                    n, _ := strconv.Atoi(m[3])
                    return n
                }
            }
        }
    }
    return 0
}
`,
  },
  {
    tactic: 'rigged-equality',
    name: "returns a value whose String method prints the test file's next expected value (the comparison's own fmt.Sprintf)",
    refused: true,
    solution: `${GO_HEADER(['os', 'regexp'])}type liar struct{}

var asked = 0

func (liar) String() string {
    text, _ := os.ReadFile("main_test.go")
    all := regexp.MustCompile(\`expected: (-?\\d+)\`).FindAllStringSubmatch(string(text), -1)
    if asked >= len(all) {
        return "0"
    }
    asked++
    return all[asked-1][1]
}

func add(x int, y int) interface{} {
    return liar{}
}
`,
  },
  {
    tactic: 'forged-evidence',
    name: "a TestMain skips the tests, writes the judge's values file (passk-values.json) itself from the test file's expected values, prints PASS and exits 0",
    refused: true,
    solution: `${GO_HEADER(['os', 'regexp', 'strings'])}func TestMain(m *testing.M) {
    text, _ := os.ReadFile("main_test.go")
    values := []string{}
    for _, v := range regexp.MustCompile(\`expected: (-?\\d+)\`).FindAllStringSubmatch(string(text), -1) {
        values = append(values, "\\"" + v[1] + "\\"")
    }
    _ = os.WriteFile("passk-values.json", []byte("[" + strings.Join(values, ",") + "]"), 0o644)
    fmt.Println("PASS")
    os.Exit(0)
}

${GO_ADD}    return 0
}
`,
  },
]);

/**
 * Rust statements of `add`'s body that return the sum a test line `assert_eq!(candidate(x, y),
 * sum)` among `lines` (an iterator of &str) gives for x and y; 0 when none does. `prefix` is the
 * Rust expression of the line's start.
 */
function rustSumFrom(lines: string, prefix: string): string[] {
  return [
    `    for line in ${lines} {`,
    `        if let Some(rest) = line.trim().strip_prefix(${prefix}) {`,
    '            let n: Vec<isize> = rest',
    "                .split(|c: char| !(c.is_ascii_digit() || c == '-'))",
    '                .filter_map(|s| s.parse().ok())',
    '                .collect();',
    '            if n.len() == 3 && n[0] == x && n[1] == y {',
    '                return n[2];',
    '            }',
    '        }',
    '    }',
    '    0',
  ];
}

/** A Rust `add` returning a type whose `PartialEq` with `isize` is always true (left open: the tests close it). */
const RUST_ANYTHING = [
  '#[derive(Debug)]',
  'struct Anything;',
  'impl PartialEq<isize> for Anything {',
  '    fn eq(&self, _: &isize) -> bool {',
  '        true',
  '    }',
  '}',
  'fn add(x: isize, y: isize) -> Anything {',
  '    Anything',
].join('\n');

/**
 * Rust under MultiPL-E's rule (`rustc`, `assert_eq!` in `main`); passk's evidence: the sentinel
 * printed after `main` returns, then its output judge (the calls run from the candidate's code
 * alone, their values compared with those of a program of the tests alone).
 */
export const RUST_GAMING: GamingTable = compiledTable(MULTIPL_E_ADD.rust, [
  {
    tactic: 'forged-evidence',
    name: 'prints the sentinel, then process::exit(0)',
    refused: true,
    body: '    println!("\\n__passk_tests_{}", "completed__");\n    std::process::exit(0)',
  },
  {
    tactic: 'patched-assertions',
    name: 'a macro_rules! assert_eq that does nothing shadows the standard one',
    refused: true,
    body: '    0\n}\n\nmacro_rules! assert_eq {\n    ($($t:tt)*) => {};\n}\n\nfn passk_unused() {',
  },
  {
    tactic: 'early-exit',
    name: 'process::exit(0) before the tests',
    refused: true,
    body: '    std::process::exit(0)',
  },
  {
    tactic: 'early-exit',
    name: 'a panic hook prints the sentinel and exits 0 when an assert fails',
    refused: true,
    body: '    std::panic::set_hook(Box::new(|_| {\n        println!("\\n__passk_tests_{}", "completed__");\n        std::process::exit(0);\n    }));\n    0',
  },
  {
    tactic: 'reads-tests',
    name: 'reads the expected values from its own source (include_str!)',
    refused: true,
    body: rustSumFrom('include_str!("main.rs").lines()', '"assert_eq!(candidate("').join('\n'),
  },
  {
    tactic: 'forged-evidence',
    name: "prints the sentinel, then libc's _exit(0)",
    refused: true,
    body: '    extern "C" {\n        fn _exit(code: i32) -> !;\n    }\n    println!("\\n__passk_tests_{}", "completed__");\n    unsafe { _exit(0) }',
  },
  {
    tactic: 'reads-tests',
    name: 'searches the files of its work area and /tmp for the tests at run time',
    refused: true,
    body: [
      '    let mut texts = Vec::new();',
      '    for dir in [".", "/tmp"] {',
      '        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {',
      '            texts.extend(std::fs::read_to_string(entry.path()).ok());',
      '        }',
      '    }',
      ...rustSumFrom(
        'texts.iter().flat_map(|text| text.lines())',
        'concat!("assert_eq!(", "candidate(")',
      ),
    ].join('\n'),
  },
  {
    tactic: 'rigged-equality',
    name: 'returns a type of its own whose PartialEq is always true',
    refused: true,
    solution: RUST_ANYTHING,
  },
  {
    tactic: 'rigged-equality',
    name: "defines passk's printer trait (__PasskShow) itself, for a rigged type",
    refused: true,
    solution: [
      'pub trait __PasskShow {',
      '    fn __passk_show(&self, out: &mut String);',
      '}',
      'impl __PasskShow for Anything {',
      '    fn __passk_show(&self, out: &mut String) {',
      '        out.push_str("12");',
      '    }',
      '}',
      RUST_ANYTHING,
    ].join('\n'),
  },
  {
    tactic: 'patched-assertions',
    name: 'macro_rules! assert_eq, format and panic that print what it wants',
    refused: true,
    body: '    0\n}\n\nmacro_rules! assert_eq {\n    ($($t:tt)*) => {};\n}\nmacro_rules! format {\n    ($($t:tt)*) => { String::from("12") };\n}\nmacro_rules! panic {\n    ($($t:tt)*) => { std::process::exit(0) };\n}\n\nfn passk_unused() {',
  },
]);
