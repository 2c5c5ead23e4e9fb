/*
 * passk completion evidence for native test programs (C++, Rust).
 *
 * Linked into the test program with `-Wl,--wrap=main`: the C runtime's call to `main` lands in
 * `__wrap_main`, which runs the program's real `main` and, only when it returns, prints the
 * completion sentinel on a line of its own. A program that ends the process early (`exit(0)`,
 * `std::process::exit(0)`, `quick_exit`, a signal) never reaches that line, so passk can tell
 * "the tests ran to the end" from "the process exited with status 0". The exit code is the
 * program's own.
 */
#include <stdio.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

int __real_main(int argc, char **argv, char **envp);

int __wrap_main(int argc, char **argv, char **envp) {
  static const char sentinel[] = "\n__passk_tests_completed__\n";
  int code = __real_main(argc, argv, envp);
  fflush(stdout);
  if (write(1, sentinel, sizeof sentinel - 1) < 0) {
    /* stdout is closed: there is nowhere to report completion. */
  }
  return code;
}

#ifdef __cplusplus
}
#endif
