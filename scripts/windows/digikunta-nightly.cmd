@echo off
rem digikunta nightly run for the Windows Task Scheduler (see docs\nightly.md).
rem Register it once, as an administrator, for example:
rem   schtasks /Create /TN "digikunta nightly" /SC DAILY /ST 02:30 /RU SYSTEM ^
rem     /TR "C:\digikunta\scripts\windows\digikunta-nightly.cmd"
rem The Task Scheduler has no console: no progress bar; each file's line goes to the log below.
rem Exit codes: 0 done; 1 done, some municipality must fix a file (reported here as 0, a normal
rem night); 2 usage error; 3 the run could not complete (another run holds the lock, or a report
rem file is open in Excel: close it). The "Last Run Result" column shows 2 or 3 when someone must act.
setlocal

rem ---- adjust these ----
set "DIGIKUNTA_HOME=%~dp0..\.."
set "INBOX=D:\digikunta\inbox"
set "OUT=D:\digikunta\reports\out"
set "LOGDIR=D:\digikunta\logs"
rem ---------------------

if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
if not exist "%LOGDIR%" mkdir "%LOGDIR%"

rem Windows gives Java file names in UTF-16, so names need no locale; the log files are written
rem in UTF-8 (not the console code page) so that Finnish and Swedish names read right in them.
"%JAVA%" -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -jar "%DIGIKUNTA_HOME%\target\digikunta.jar" run "%INBOX%" --out "%OUT%" 1>>"%LOGDIR%\digikunta-stdout.log" 2>>"%LOGDIR%\digikunta.log"
set "RC=%ERRORLEVEL%"
if "%RC%"=="1" set "RC=0"
endlocal & exit /b %RC%
