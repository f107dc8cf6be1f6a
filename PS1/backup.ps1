# Windows twin of `make backup`: the logic lives in dev.py and the coulisses CLI.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py backup @args
exit $LASTEXITCODE
