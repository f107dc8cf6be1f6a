# Windows twin of `make bench`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py bench @args
exit $LASTEXITCODE
