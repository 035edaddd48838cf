// logFiles matched nothing: the build fails and says so, rather than reporting 100% conforming.
def log = new File(basedir, 'build.log').text
assert log.contains('logconv: logFiles (target/test-logs/*.log) matched no log file: no log line was validated')
assert !log.contains('BUILD SUCCESS')
return true
