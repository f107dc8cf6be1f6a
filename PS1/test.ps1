# Windows twin of `make test`: the logic lives in dev.py.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py test @args
exit $LASTEXITCODE
