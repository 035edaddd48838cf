// An audit event whose outcome is outside allowed/denied/error: one LC015 error, and the build fails.
def log = new File(basedir, 'build.log').text
def java = new File(basedir, 'src/main/java/com/example/audit/SecretController.java').canonicalPath

def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} / }
assert findings.size() == 1 : findings.join('\n')
assert findings[0].startsWith("[ERROR] ${java}:12:") && findings[0].contains(': LC015 ')
assert findings[0].contains("outcome 'success' is not one of allowed, denied, error")
assert log.contains('LC015 x1')
assert log.contains('BUILD FAILURE')
return true
