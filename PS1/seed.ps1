# Windows twin of `make seed`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py seed @args
exit $LASTEXITCODE
