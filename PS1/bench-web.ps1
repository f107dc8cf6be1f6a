# Windows twin of `make bench-web`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py bench-web @args
exit $LASTEXITCODE
