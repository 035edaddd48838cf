// Each module reports for itself; the pom parent and the module without sources are skipped
// with a reason, and the failing module does not hide the clean one (-fae).
def log = new File(basedir, 'build.log').text
def cli = new File(basedir, 'module-a/src/main/java/com/example/a/Cli.java').canonicalPath
assert log.contains('logconv: skipped: packaging pom has no sources')
assert log.contains("[WARNING] ${cli}:6:")
assert log.contains('LC011')
assert log.contains('logconv: module-a: 1 finding (0 errors, 1 warning, 0 notes) in 1 source file')
assert log.contains('logconv: module-b: 0 findings (0 errors, 0 warnings, 0 notes) in 1 source file')
assert log.contains('logconv: skipped: no Java sources, logback.xml or log files in this module')
assert log.contains('logconv: 1 finding at or above warning: LC011 x1.')
assert new File(basedir, 'module-a/target/logconv.sarif').isFile()
assert new File(basedir, 'module-b/target/logconv.sarif').isFile()
return true
