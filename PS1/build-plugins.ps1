# Windows twin of `make build-plugins`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py build-plugins @args
exit $LASTEXITCODE
