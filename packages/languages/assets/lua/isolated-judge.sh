#!/bin/sh
# passk's isolated Lua judge: starts process A (`isolated_judge.lua`) non-dumpable.
#
#   sh isolated-judge.sh <lua> <isolated_judge.lua> <file> <timeout in ms>
#
# Stock Lua has no FFI, so A cannot call prctl(PR_SET_DUMPABLE, 0) itself. Linux makes a
# process non-dumpable when it executes a file its user may not read (fs/exec.c would_dump):
# then no other process of the same user can ptrace it, read its memory or open its
# descriptors through /proc. So this wrapper copies the interpreter into a fresh private
# directory, makes the copy execute-only (0111) and execs it as A: same pid, same stdout (the
# verdict's), no process of its own left behind. A removes the copy and uses the directory for
# its channel to B. Nothing of the program has run yet.
set -eu
lua=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/passk-lua-judge.XXXXXX")
install -m 0111 "$lua" "$dir/lua"
exec "$dir/lua" "$2" "$3" "$4" "$lua" "$dir"
