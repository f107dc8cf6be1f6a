# Windows twin of `make restore`: the logic lives in dev.py and the coulisses CLI.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python dev.py restore @args
exit $LASTEXITCODE
