#!/bin/sh
# How the app is started everywhere: `npm start`, App Service (infra/azure.bicep's appCommandLine) and
# `npm run bench`. Arguments go to server/main.ts.
#
# glibc's malloc, set before the process exists (it reads them once, at start). By default it raises its
# mmap and trim thresholds after each large free, up to 32 and 64 MB: the buffers of a sync's Graph pages
# and SQLite's bulk page cache then stayed resident after being freed. Measured on an invoice run of
# 6,900 invoices after a year's sync (bench harness, same machine): peak RSS 315 -> 283 MB, resident at
# rest 230 -> 202 MB, no slower. An operator's own values win.
: "${MALLOC_ARENA_MAX:=2}"
: "${MALLOC_MMAP_THRESHOLD_:=131072}"
: "${MALLOC_TRIM_THRESHOLD_:=131072}"
export MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_
cd "$(dirname "$0")/.." || exit 1
exec node --import tsx server/main.ts "$@"
