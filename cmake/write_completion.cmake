# cmake -DWIJK=<binary> -DSHELL_NAME=bash|zsh|fish -DOUT=<file> -P write_completion.cmake
# Writes `wijk completion SHELL` to OUT, failing the build when wijk fails. A cmake script
# rather than a shell redirection, so it works with every generator; the output is written
# to a temporary file first, so a failed run never leaves a half-written script behind.
execute_process(
  COMMAND "${WIJK}" --lang en --color never completion "${SHELL_NAME}"
  OUTPUT_FILE "${OUT}.tmp"
  ERROR_VARIABLE err
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "wijk completion ${SHELL_NAME} failed (${status}): ${err}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
