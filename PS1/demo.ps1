# Windows twin of `make demo`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py demo @args
exit $LASTEXITCODE
