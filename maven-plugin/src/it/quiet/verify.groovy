// consoleOutput=false leaves out the finding lines but keeps the summary; failOnViolation=false
// turns the failure into a warning and the build passes.
def log = new File(basedir, 'build.log').text
assert !(log =~ /(?m)^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} /)
assert log.contains('logconv: quiet-project: 3 findings (2 errors, 1 warning, 0 notes) in 2 source files')
assert log.contains('[WARNING] logconv: 3 findings at or above warning: LC001 x1, LC008 x1, LC013 x1.')
assert log.contains('(not failing: failOnViolation is false)')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/logconv.sarif').text.contains('LC013')
return true
