"""Exit codes: 0 all good, 1 problems in the content (or a file that could not be read or
written), 2 usage error, 130 interrupted, 141 output into a pipe whose reader has gone
(the code a shell reports for a Unix tool stopped by SIGPIPE)."""

OK, CONTENT, USAGE = 0, 1, 2
INTERRUPTED = 128 + 2  # 128 + SIGINT
PIPE_CLOSED = 128 + 13  # 128 + SIGPIPE
