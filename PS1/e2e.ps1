# Windows twin of `make e2e`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py e2e @args
exit $LASTEXITCODE
