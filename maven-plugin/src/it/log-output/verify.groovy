// The non-conformant line the tests wrote fails the build, pointing at the log file's line.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'target/logconv/orders-test.log').canonicalPath
def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} / }
assert findings.size() == 1 : findings.join('\n')
assert findings[0].startsWith("[ERROR] ${file}:2: LV003 ") && findings[0].contains("'pod_name'")
assert log.contains('logconv: log-output-project: 1 finding (1 error, 0 warnings, 0 notes) in 1 source file and 1 log file (2 lines)')
assert log.contains('logconv: 1 finding at or above warning: LV003 x1.')
assert log.contains('Log-file findings (LV...) are lines in target/logconv/*.log')
assert !log.contains('@SuppressWarnings')
return true
