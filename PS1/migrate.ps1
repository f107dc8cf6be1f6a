# Windows twin of `make migrate`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py migrate @args
exit $LASTEXITCODE
