<?php
// Appended by passk (php -d auto_append_file=...): runs only when the program was not ended by exit() or a fatal error.
// A program that closed STDOUT gets no sentinel (and PHP does not die writing to the closed stream, which MultiPL-E's
// run, appending nothing, would not do either).
if (is_resource(STDOUT)) echo "\n__passk_tests_completed__\n";
