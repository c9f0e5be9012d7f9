#!/usr/bin/env bash
# Runs build.ps1 on a machine that has only the .NET SDK: when no PowerShell 7.4+ is on PATH, PowerShell 7.6.10 is
# installed first as a dotnet tool into <repo>/.tools/pwsh (no root, nothing outside the repository). Every
# argument goes to build.ps1:
#
#   ./build.sh                 build the module into out/AksEgress/<version>/
#   ./build.sh -Task Test      every test: xunit, then Pester in a child pwsh against out/
#   ./build.sh -Task Package   the Azure Automation zip and the NuGet package
#
# AKSEGRESS_PWSH=bundled always uses (and installs) the pinned copy in .tools/pwsh, whatever PATH holds; CI does.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# 7.6.10 is pinned: the newest served version, 7.7.0, does not start on these machines.
pwsh_version="7.6.10"
tool_path="$repo/.tools/pwsh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export POWERSHELL_TELEMETRY_OPTOUT=1
export POWERSHELL_UPDATECHECK=Off

# Prints the major.minor of the pwsh at $1, or nothing when it does not run.
pwsh_version_of() {
    "$1" -NoLogo -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | tr -d '\r' | tail -n 1
}

usable() {
    local version
    version="$(pwsh_version_of "$1")"
    [ -n "$version" ] || return 1
    local major="${version%%.*}" rest="${version#*.}"
    local minor="${rest%%.*}"
    [ "$major" -gt 7 ] || { [ "$major" -eq 7 ] && [ "$minor" -ge 4 ]; }
}

pwsh=""
if [ "${AKSEGRESS_PWSH:-}" != "bundled" ] && command -v pwsh >/dev/null 2>&1 && usable "$(command -v pwsh)"; then
    pwsh="$(command -v pwsh)"
elif [ -x "$tool_path/pwsh" ] && [ "$(pwsh_version_of "$tool_path/pwsh")" = "$pwsh_version" ]; then
    pwsh="$tool_path/pwsh"
else
    command -v dotnet >/dev/null 2>&1 || { echo "build.sh: dotnet (the .NET SDK) is not on PATH; install the .NET 10 SDK first." >&2; exit 1; }
    echo "==> Installing PowerShell $pwsh_version as a dotnet tool into $tool_path"
    rm -rf "$tool_path"
    dotnet tool install PowerShell --version "$pwsh_version" --tool-path "$tool_path"
    pwsh="$tool_path/pwsh"
    if ! usable "$pwsh"; then
        echo "build.sh: PowerShell $pwsh_version was installed into $tool_path but does not start." >&2
        exit 1
    fi
fi

echo "==> $pwsh ($(pwsh_version_of "$pwsh")) ./build.ps1 $*"
# The pwsh that runs build.ps1 is the one its child processes (Pester, the benchmarks) use: put its folder first.
export PATH="$(dirname "$pwsh"):$PATH"
exec "$pwsh" -NoLogo -NoProfile -NonInteractive -File "$repo/build.ps1" "$@"
