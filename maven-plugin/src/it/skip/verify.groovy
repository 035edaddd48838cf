// -Dlogconv.skip skips the goal, so the concatenated message does not fail the build.
def log = new File(basedir, 'build.log').text
assert log.contains('logconv: skipped (logconv.skip)')
assert !log.contains('LC008')
assert !new File(basedir, 'target/logconv.sarif').exists()
return true
