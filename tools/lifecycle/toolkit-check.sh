#!/usr/bin/env bash
# The Microsoft 365 Agents Toolkit's own check of the app: `atk validate` (manifest schema and
# validation rules) and `atk package` with --env dev, from this checkout, offline, with stand-in ids
# for what provision would write. Run by .ci/run after the tests; it changes no committed file.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TEAMS_APP_ID=00000000-0000-4000-8000-000000000001
export AAD_APP_CLIENT_ID=00000000-0000-4000-8000-000000000002
export BOT_ID=00000000-0000-4000-8000-000000000003
export TAB_ENDPOINT=https://bookings-invoicing.example.net
export TAB_DOMAIN=bookings-invoicing.example.net
export TEAMSFX_TELEMETRY=false
# Not a dev dependency: 446 MB and 548 packages for two checks; npx keeps it in npm's cache.
# Its install scripts would fetch a prebuilt keytar (credential storage), which validate and package never use.
atk=(env npm_config_ignore_scripts=true npx --yes --package @microsoft/m365agentstoolkit-cli@1.1.17 atk)
"${atk[@]}" validate --env dev
"${atk[@]}" package --env dev
before=$(git status --porcelain -- teamsapp.yml teamsapp.local.yml env appPackage ':!appPackage/build')
[ -z "$before" ] || { echo "the toolkit changed committed files:"; echo "$before"; exit 1; }
echo "Agents Toolkit: validate and package --env dev passed"
