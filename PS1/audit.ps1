# Windows twin of `make audit`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py audit @args
exit $LASTEXITCODE
