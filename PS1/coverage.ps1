# Windows twin of `make coverage`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py coverage @args
exit $LASTEXITCODE
