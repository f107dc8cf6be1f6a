# Windows twin of `make lint`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py lint @args
exit $LASTEXITCODE
