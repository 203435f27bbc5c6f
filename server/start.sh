#!/bin/sh
# How the app is started everywhere: `npm start`, App Service (infra/azure.bicep's appCommandLine) and
# `npm run bench`. Arguments go to server/main.ts.
#
# glibc's malloc, set before the process exists (it reads them once, at start). By default it raises its
# mmap and trim thresholds after each large free (up to 32 and 64 MB), and memory freed after a sync or
# an invoice run stayed resident: malloc_trim(0) called from gdb on an app at rest after a run gave back
# 63 MB. With these: an invoice run of 6,900 invoices after a year's sync, the list and the tab (bench
# harness, same machine) peaked at 283 MB instead of 315, from 202 MB at rest instead of 230, no slower.
# Freed holes amid the heap still stay (malloc_trim gave back 51 MB more): only malloc_trim returns those.
# An operator's own values win.
: "${MALLOC_ARENA_MAX:=2}"
: "${MALLOC_MMAP_THRESHOLD_:=131072}"
: "${MALLOC_TRIM_THRESHOLD_:=131072}"
export MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_
cd "$(dirname "$0")/.." || exit 1
exec node --import tsx server/main.ts "$@"
