# Windows twin of `make check-deploy`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py check-deploy @args
exit $LASTEXITCODE
