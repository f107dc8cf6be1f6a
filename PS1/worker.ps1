# Windows twin of `make worker`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py worker @args
exit $LASTEXITCODE
