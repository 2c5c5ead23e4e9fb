<?php
// Appended by passk (php -d auto_append_file=...): runs only when the program was not ended by exit() or a fatal error.
echo "\n__passk_tests_completed__\n";
