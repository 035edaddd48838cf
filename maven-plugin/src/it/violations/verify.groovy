// A reserved key, a concatenated message and a file appender: exactly these three findings, each
// on a clickable file:line:col line, and a failure message that says what to do.
def log = new File(basedir, 'build.log').text
def java = new File(basedir, 'src/main/java/com/example/orders/OrderService.java').canonicalPath
def xml = new File(basedir, 'src/main/resources/logback.xml').canonicalPath

def findings = log.readLines().findAll { it =~ /^\[(ERROR|WARNING|INFO)\] \/\S+:\d+(:\d+)?: L[CV]\d{3} / }
assert findings.size() == 3 : findings.join('\n')
assert findings[0].startsWith("[ERROR] ${java}:11:") && findings[0].contains(': LC001 ') && findings[0].contains("'pod_name'")
assert findings[1].startsWith("[WARNING] ${java}:12:") && findings[1].contains(': LC008 ')
assert findings[2].startsWith("[ERROR] ${xml}:2:") && findings[2].contains(': LC013 ') && findings[2].contains("'FILE'")

assert log.contains('logconv: violations-project: 3 findings (2 errors, 1 warning, 0 notes) in 2 source files')
assert log.contains('logconv: 3 findings at or above warning: LC001 x1, LC008 x1, LC013 x1.')
assert log.contains('@SuppressWarnings("logconv:LC001")')
assert log.contains("'mvn logconv:baseline'")
assert log.contains('BUILD FAILURE')

def sarif = new File(basedir, 'target/logconv.sarif').text
['LC001', 'LC008', 'LC013'].each { assert sarif.contains("\"ruleId\": \"${it}\"") || sarif.contains("\"ruleId\":\"${it}\"") }
return true
