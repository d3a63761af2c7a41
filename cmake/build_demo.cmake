# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a shipped demo project (cmake -P): the committed project of data/demo (or data/demo-putuo:
# layers, catalog, metric bindings) with its history — the value file's entered and SYNTHETIC values
# imported, and the spatial indicators computed from the map for every year of the plan period
# (their map layers in NAME.results/, generated here, never committed).
#   -DCLI=xiuhua-cli -DSOURCE=<repo>/data/demo -DTARGET=<build>/demo -DNAME=jiading-demo -DYEARS=2020,2021,…
foreach(var CLI SOURCE TARGET NAME YEARS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "build_demo.cmake: -D${var}=… is required")
  endif()
endforeach()
string(REPLACE "," ";" YEARS "${YEARS}")
# The committed project as committed: a -wal beside it (Xiuhua has it open, or was killed on it)
# would hold data a file copy leaves out.
file(GLOB wal "${SOURCE}/*.xhp-wal")
foreach(f ${wal})
  file(SIZE "${f}" size)
  if(size GREATER 0)
    message(FATAL_ERROR "build_demo.cmake: ${f} holds changes not yet in the project file; close Xiuhua on ${SOURCE} "
                        "(or check out the committed project) and build again")
  endif()
endforeach()
set(partial "${TARGET}.partial")
file(REMOVE_RECURSE "${partial}")
file(COPY "${SOURCE}/" DESTINATION "${partial}" PATTERN "*.results" EXCLUDE PATTERN "*-wal" EXCLUDE PATTERN "*-shm" EXCLUDE
     PATTERN "*-journal" EXCLUDE PATTERN ".*" EXCLUDE PATTERN "*.xhbak" EXCLUDE PATTERN "__pycache__" EXCLUDE)
set(project "${partial}/${NAME}.xhp")
# The CLI may be a sanitizer build (./test.sh): its leak report at exit is not the demo's business.
set(run ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 ${CLI})
execute_process(COMMAND ${run} indicators import --project "${project}" --file "${partial}/${NAME}-values.csv"
                        --author "Xiuhua demo build"
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "build_demo.cmake: importing the demo's values failed: ${errors}")
endif()
foreach(year ${YEARS})
  execute_process(COMMAND ${run} compute --project "${project}" --year ${year}
                  RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "build_demo.cmake: computing the demo's spatial indicators for ${year} failed: ${errors}")
  endif()
endforeach()
file(GLOB leftovers "${partial}/*-wal" "${partial}/*-journal")
if(leftovers)
  message(FATAL_ERROR "build_demo.cmake: the CLI left ${leftovers}: the demo project would be shipped without it")
endif()
file(REMOVE_RECURSE "${TARGET}")
file(RENAME "${partial}" "${TARGET}")
