@echo off
rem Campus launcher for Windows: builds what is missing or stale, then starts the app.
rem   campus                  open the app
rem   campus --content DIR    open the app on a content folder too
rem   campus validate [DIR]   check content; other tools: campus help
setlocal
set "HERE=%~dp0"
set "CPFILE=%HERE%app\target\runtime-classpath.txt"
where java >nul 2>nul || (echo campus: Java 17 or newer is needed ^(java not found on PATH^) 1>&2 & exit /b 3)
set "STALE=0"
if not exist "%CPFILE%" set "STALE=1"
if "%STALE%"=="0" (
  powershell -NoProfile -Command "$s=(Get-Item -LiteralPath '%CPFILE%').LastWriteTime; $n=Get-ChildItem -LiteralPath '%HERE%' -Recurse -File | Where-Object { $_.FullName -notmatch '\\(target|\.git)\\' -and ($_.FullName -match '\\(src|content|datasets)\\' -or $_.Name -eq 'pom.xml') -and $_.LastWriteTime -gt $s } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "STALE=1"
)
if "%STALE%"=="1" (
  where mvn >nul 2>nul || (echo campus: Maven is needed to build Campus ^(mvn not found on PATH^) 1>&2 & exit /b 3)
  echo campus: building ^(first start or sources changed^)... 1>&2
  call mvn -q -B -f "%HERE%pom.xml" -DskipTests package 1>&2 || exit /b 1
  powershell -NoProfile -Command "(Get-Item -LiteralPath '%CPFILE%').LastWriteTime = Get-Date"
)
set /p CP=<"%CPFILE%"
java "@%HERE%app\jvm.options" %JAVA_OPTS% -Dfile.encoding=UTF-8 -cp "%HERE%app\target\classes;%CP%" campus.app.Main %*
