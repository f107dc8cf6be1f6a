# Windows twin of `make loadtest`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py loadtest @args
exit $LASTEXITCODE
