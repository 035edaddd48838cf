// A conforming module passes under `mvn verify`, with the check bound to verify by default;
// the file appender in the test-scoped logback.xml is not linted.
def log = new File(basedir, 'build.log').text
assert log.contains(':check (default) @ clean-project')
assert log.contains('logconv: clean-project: 0 findings (0 errors, 0 warnings, 0 notes) in 2 source files')
assert !(log =~ /: LC\d{3} /)
def sarif = new File(basedir, 'target/logconv.sarif')
assert sarif.isFile()
assert sarif.text.contains('"version": "2.1.0"') || sarif.text.contains('"version":"2.1.0"')
return true
